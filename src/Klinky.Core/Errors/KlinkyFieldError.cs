namespace Klinky;

/// <summary>One invalid field: <c>variants[1].weight</c> and the rule it breaks.</summary>
public sealed record KlinkyFieldError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
