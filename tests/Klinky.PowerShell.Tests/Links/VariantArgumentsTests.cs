using System.Collections;
using System.Management.Automation;
using Klinky.Links;
using Klinky.PowerShell.Links;

namespace Klinky.PowerShell.Tests.Links;

public class VariantArgumentsTests
{
    [Fact]
    public void TryRead_HashtablesWithAnyKeyCase_ReadsLabelUrlAndWeight()
    {
        var values = new object?[]
        {
            new Hashtable { ["label"] = "control", ["URL"] = "https://a.example", ["Weight"] = 60 },
            new Hashtable { ["Label"] = "variant_b", ["destination_url"] = "https://b.example", ["weight"] = "40" },
        };

        Assert.True(VariantArguments.TryRead(values, out var variants, out var error));

        Assert.Null(error);
        Assert.Equal(new[] { "control:60=https://a.example", "variant_b:40=https://b.example" }, variants.Select(v => v.ToString()));
    }

    [Fact]
    public void TryRead_ACompactStringAfterAnObject_NamesTheEntryByItsPositionInTheWholeList()
    {
        var values = new object?[] { PSObject.AsPSObject(new Variant("control", "https://a.example", 50)), "variant_b=https://b.example" };

        Assert.False(VariantArguments.TryRead(values, out _, out var error));

        Assert.StartsWith("variants[1]", error!.Field, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_ACustomObjectWithAWeightThatIsNotANumber_NamesTheWeight()
    {
        var row = new PSObject();
        row.Properties.Add(new PSNoteProperty("Label", "control"));
        row.Properties.Add(new PSNoteProperty("Url", "https://a.example"));
        row.Properties.Add(new PSNoteProperty("Weight", "half"));

        Assert.False(VariantArguments.TryRead(new object?[] { row }, out _, out var error));

        Assert.Equal("variants[0].weight", error!.Field);
        Assert.Contains("'half' is not a whole number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_ACompactSpecOfTwoVariants_ReadsBoth()
    {
        Assert.True(VariantArguments.TryRead(new object?[] { "control:70=https://a.example variant_b:30=https://b.example" }, out var variants, out _));

        Assert.Equal(new[] { 70, 30 }, variants.Select(v => v.Weight));
        Assert.Equal(new[] { "control", "variant_b" }, variants.Select(v => v.Label));
    }
}
