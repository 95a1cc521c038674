namespace Klinky.Emulator.CommandLine;

/// <summary>
/// Walks <c>--name value</c> pairs. A small hand parser: the emulator has a handful of flags whose spellings are fixed
/// by the issue, and this keeps their rules (repeatable keys, mutually exclusive storage) readable in one place.
/// </summary>
internal sealed class ArgumentReader
{
    private readonly IReadOnlyList<string> _args;
    private int _index;

    public ArgumentReader(IReadOnlyList<string> args, int start = 0)
    {
        _args = args;
        _index = start;
    }

    public bool TryNext(out string name)
    {
        if (_index >= _args.Count)
        {
            name = "";
            return false;
        }

        name = _args[_index++];
        if (!name.StartsWith("--", StringComparison.Ordinal))
        {
            throw new UsageException($"unexpected argument '{name}'; options start with --");
        }

        return true;
    }

    public string Value(string name)
    {
        if (_index >= _args.Count)
        {
            throw new UsageException($"{name} needs a value");
        }

        return _args[_index++];
    }

    public int IntValue(string name, int min, int max)
    {
        var text = Value(name);
        if (!int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new UsageException($"{name} must be a whole number {min}-{max}, not '{text}'");
        }

        return value;
    }
}
