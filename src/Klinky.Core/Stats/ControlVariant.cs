using Klinky.Links;

namespace Klinky.Stats;

/// <summary>
/// Which variant is the control: the one rule, for the stats computation and the emulator's dashboard chart. The
/// emulator compiles this file in (shared source) rather than reaching into Core's internals; users read the control
/// from <see cref="LinkStats.ControlLabel"/>.
/// </summary>
internal static class ControlVariant
{
    /// <summary>The control: the variant labelled <c>control</c>, else the first; -1 without variants.</summary>
    public static int IndexOf(IReadOnlyList<VariantCounts> variants)
    {
        for (var i = 0; i < variants.Count; i++)
        {
            if (string.Equals(variants[i].Label, LinkRules.ControlLabel, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return variants.Count > 0 ? 0 : -1;
    }
}
