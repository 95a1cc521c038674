namespace Klinky.Emulator.CommandLine;

/// <summary>The hourly request budgets of the hosted plans; unlimited still sends headers, with a limit no test reaches.</summary>
internal static class ServePlan
{
    public const int Growth = 100;
    public const int Scale = 1000;
    public const int Unlimited = 1_000_000;

    public static int? LimitOf(string plan) => plan switch
    {
        "growth" => Growth,
        "scale" => Scale,
        "unlimited" => Unlimited,
        _ => null,
    };
}
