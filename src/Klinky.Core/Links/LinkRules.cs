namespace Klinky.Links;

/// <summary>The contract's limits, in one place for the validator, the emulator and the surfaces.</summary>
public static class LinkRules
{
    public const int NameMaxLength = 100;
    public const int SlugMinLength = 3;
    public const int SlugMaxLength = 32;
    public const int MinVariants = 1;
    public const int MaxVariants = 5;
    public const int LabelMaxLength = 50;
    public const int UrlMaxLength = 2048;
    public const int WeightTotal = 100;
    public const int MinAutoWinnerThreshold = 10;
    public const int DefaultAutoWinnerThreshold = 100;
    public const int MaxPerPage = 100;
    public const string ControlLabel = "control";
    public const string DefaultGeoRule = "default";
}
