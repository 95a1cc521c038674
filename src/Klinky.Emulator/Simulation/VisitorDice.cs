using System.Globalization;

namespace Klinky.Emulator.Simulation;

/// <summary>
/// Visitor <c>index</c>'s id and conversion roll, from the seed alone: the run and its up-front cost estimate draw the same
/// dice, so the estimate counts exactly the visitors whose roll can convert.
/// </summary>
internal readonly record struct VisitorDice(string VisitorId, double Roll)
{
    public static VisitorDice For(int seed, int index)
    {
        var dice = new Random(unchecked((seed * 1_000_003) + index));
        var visitorId = "sim" + dice.NextInt64().ToString("x16", CultureInfo.InvariantCulture) + index.ToString("x", CultureInfo.InvariantCulture);
        return new VisitorDice(visitorId, dice.NextDouble());
    }
}
