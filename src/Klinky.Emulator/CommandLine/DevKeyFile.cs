namespace Klinky.Emulator.CommandLine;

/// <summary>
/// The generated dev key of a database file, kept beside it in <c>PATH.key</c> (owner-only). A new key on every start would
/// strand the links of the last run in a workspace nobody can open, while their slugs stay taken in the global namespace.
/// </summary>
internal static class DevKeyFile
{
    public static string PathFor(string databasePath) => Path.GetFullPath(databasePath) + ".key";

    public static string ReadOrCreate(string databasePath)
    {
        var path = PathFor(databasePath);
        if (TryRead(path) is { } existing)
        {
            return existing;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = ServeSettings.GenerateKey();
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, options))
        {
            writer.Write(key);
        }

        return key;
    }

    // A damaged or hand-edited file is replaced rather than trusted: the key must still pass the --api-key rules.
    private static string? TryRead(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var key = File.ReadAllText(path).Trim();
        return key.StartsWith("klinky_live_", StringComparison.Ordinal) && key.Length <= 200 && !key.Any(char.IsWhiteSpace) ? key : null;
    }
}
