using System.Text;
using Klinky.Reporting;
using Klinky.Stats;
using Klinky.Webhooks;

namespace Klinky.Tests.Reporting;

public class ReportDataTests
{
    private const string Key = "klinky_live_0123456789abcdef0123456789abcdef";
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 14, 5, 0, TimeSpan.Zero);

    private static SavedReport Sample() => new(new[]
    {
        SavedLink.From(Shown()[0], Now.AddMinutes(-3)),
        SavedLink.From(Shown()[1], Now.AddMinutes(-40)),
    });

    // What the action shows for a fresh read: the stats with their verdict memory (none saved yet), which it then saves.
    private static LinkStats[] Shown() => new[]
    {
        SavedLink.Remember(ReportSamples.TypicalRunning(), saved: null, Now.AddMinutes(-3)),
        SavedLink.Remember(ReportSamples.SignificantWinner(), saved: null, Now.AddMinutes(-40)),
    };

    private static string Comment(string? dataLine) => ReportData.Append(MarkdownReport.Marker("default") + "\n## report\n", dataLine);

    [Fact]
    public void WriteThenRead_ReRendersTheSameReportFromTheSavedCounts()
    {
        var original = Shown();
        var line = ReportData.Write(Sample(), Key);

        var read = ReportData.Read(Comment(line), Key, Now);

        Assert.Null(read.Problem);
        Assert.Equal(new[] { Now.AddMinutes(-3), Now.AddMinutes(-40) }, read.Report!.Links.Select(l => l.ReadAt));
        Assert.Equal(Now.AddMinutes(-40), read.Report.OldestReadAt);
        Assert.Equal(MarkdownReport.Render(original), MarkdownReport.Render(read.Report.Links.Select(l => l.ToStats()).ToList()));
        Assert.StartsWith("<!-- klinky-data:1:", line, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, line, StringComparison.Ordinal);
        Assert.DoesNotContain("--", line!.Substring(4, line.Length - 8), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ACommentWithoutData_IsNoneWithoutAProblem()
    {
        var read = ReportData.Read(Comment(null), Key, Now);

        Assert.Null(read.Report);
        Assert.Null(read.Problem);
    }

    [Fact]
    public void Read_WrittenWithAnotherKey_IsIgnoredAsForged()
    {
        var read = ReportData.Read(Comment(ReportData.Write(Sample(), "klinky_live_another")), Key, Now);

        Assert.Null(read.Report);
        Assert.Contains("signature", read.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EditedPayload_IsIgnored()
    {
        var line = ReportData.Write(Sample(), Key)!;
        var payloadStart = line.LastIndexOf(':') + 1;
        var edited = line.Substring(0, payloadStart) + (line[payloadStart] == 'A' ? 'B' : 'A') + line.Substring(payloadStart + 1);

        var read = ReportData.Read(Comment(edited), Key, Now);

        Assert.Null(read.Report);
        Assert.Contains("signature", read.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedLine_IsIgnored()
    {
        var line = ReportData.Write(Sample(), Key)!;

        var read = ReportData.Read(Comment(line.Substring(0, line.Length / 2)), Key, Now);

        Assert.Null(read.Report);
        Assert.Contains("truncated", read.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FutureVersion_IsIgnoredNamingTheVersion()
    {
        var line = ReportData.Write(Sample(), Key)!.Replace("klinky-data:1:", "klinky-data:2:", StringComparison.Ordinal);

        var read = ReportData.Read(Comment(line), Key, Now);

        Assert.Null(read.Report);
        Assert.Contains("version 2", read.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OversizedPayload_IsIgnoredBeforeItIsDecoded()
    {
        var huge = new string('A', ReportData.MaxPayloadLength + 4);

        var read = ReportData.Read(Comment($"<!-- klinky-data:1:{Signed(huge)}:{huge} -->"), Key, Now);

        Assert.Null(read.Report);
        Assert.Contains("larger than", read.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"L":[{"I":"x","T":100,"R":1796000000,"V":[{"L":"control","W":50,"C":10,"K":11}]}]}""")]
    [InlineData("""{"L":[{"I":"x","T":100,"R":1796000000,"V":[{"L":"control","W":50,"C":-1,"K":0}]}]}""")]
    [InlineData("""{"L":[{"I":"","T":100,"R":1796000000,"V":[{"L":"control","W":50,"C":1,"K":0}]}]}""")]
    [InlineData("""{"L":[{"I":"x","T":100,"R":1796000000,"V":[]}]}""")]
    [InlineData("""{"L":[]}""")]
    [InlineData("""{"L":[{"I":"x","T":100,"R":"soon","V":[{"L":"control","W":50,"C":1,"K":0}]}]}""")]
    public void Read_SignedButBreakingARule_IsIgnoredNeverThrown(string json)
    {
        var payload = Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

        var read = ReportData.Read(Comment($"<!-- klinky-data:1:{Signed(payload)}:{payload} -->"), Key, Now);

        Assert.Null(read.Report);
        Assert.NotNull(read.Problem);
    }

    [Fact]
    public void Read_FiguresFromTheFuture_AreIgnored()
    {
        var future = new SavedReport(new[] { SavedLink.From(ReportSamples.TypicalRunning(), Now.AddHours(2)) });

        var read = ReportData.Read(Comment(ReportData.Write(future, Key)), Key, Now);

        Assert.Null(read.Report);
        Assert.Contains("out of range", read.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_TooManyFiguresForAComment_WritesNothing()
    {
        var many = new SavedReport(Enumerable.Range(0, 400).Select(i => SavedLink.From(ReportSamples.SeveralWinners(), Now) with { Id = Guid.NewGuid().ToString() }).ToList());

        Assert.Null(ReportData.Write(many, Key));
    }

    private static string Signed(string payload) => HmacSha256.ToHex(HmacSha256.Mac(Key, "klinky-data:1", payload));
}
