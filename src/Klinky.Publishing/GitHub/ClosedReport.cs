namespace Klinky.Publishing.GitHub;

/// <summary>The report comment of a closed pull request: its last numbers, then what <c>on-close</c> did to the links.</summary>
public static class ClosedReport
{
    /// <summary>Starts the closing note; a re-run of the close event replaces the note instead of adding another.</summary>
    public const string NoteMarker = "<!-- klinky-closed -->";

    public static string Body(string? existing, string marker, string note)
    {
        Check.NotEmpty(marker, nameof(marker));
        Check.NotNull(note, nameof(note));
        var report = existing ?? marker;
        var cut = report.IndexOf(NoteMarker, StringComparison.Ordinal);
        if (cut >= 0)
        {
            report = report.Substring(0, cut);
        }

        return report.TrimEnd() + "\n\n" + NoteMarker + "\n" + note + "\n";
    }
}
