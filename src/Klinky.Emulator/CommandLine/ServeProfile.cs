namespace Klinky.Emulator.CommandLine;

/// <summary>Which rows of the contract are served: all of them, or only the documented (D) and integration-seen (I) ones.</summary>
internal enum ServeProfile
{
    Full,
    Documented,
}
