using System.Globalization;
using System.Text;
using System.Text.Json;
using Klinky.Serialization;
using Klinky.Stats;
using Klinky.Webhooks;

namespace Klinky.Reporting;

/// <summary>
/// Writes and reads the hidden last line of a report comment, <c>&lt;!-- klinky-data:1:SIGNATURE:BASE64 --&gt;</c>: the
/// <see cref="SavedReport"/> as compact JSON, signed with HMAC-SHA256 keyed by the API key. The comment is public and
/// editable, so the data is untrusted: anything forged, edited, oversized, truncated, from a newer version or from the
/// future is ignored with a reason, never thrown. Standard Base64 has no '-', so the payload cannot end the comment.
/// </summary>
internal static class ReportData
{
    /// <summary>The version this code writes and the only one it reads.</summary>
    public const int Version = 1;

    /// <summary>The largest payload written or read (Base64 characters): about 150 links, well inside a comment.</summary>
    public const int MaxPayloadLength = 32_000;

    private const string Prefix = "<!-- klinky-data:";
    private const string Suffix = " -->";
    private const int MaxLinks = 200;
    private const int MaxVariants = 20;
    private const int MaxText = 300;
    private const int MaxMemory = 4_000;
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly DateTimeOffset Earliest = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The hidden line for <paramref name="report"/>, or null when it has no links or would be larger than <see cref="MaxPayloadLength"/>.</summary>
    public static string? Write(SavedReport report, string secret)
    {
        Guard.NotNull(report, nameof(report));
        CheckSecret(secret);
        if (report.Links.Count == 0)
        {
            return null;
        }

        var body = new Body { L = report.Links.Select(ToWire).ToList() };
        var payload = Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(body));
        return payload.Length > MaxPayloadLength ? null : Prefix + Version.ToString(CultureInfo.InvariantCulture) + ":" + Sign(secret, payload) + ":" + payload + Suffix;
    }

    /// <summary><paramref name="body"/> with the hidden data line appended (after a blank line, so it renders as nothing).</summary>
    public static string Append(string body, string? dataLine)
    {
        Guard.NotNull(body, nameof(body));
        return dataLine is null ? body : body.TrimEnd('\n') + "\n\n" + dataLine + "\n";
    }

    /// <summary>The room the data line takes in a comment: the report is rendered that much shorter.</summary>
    public static int Room(string? dataLine) => dataLine is null ? 0 : dataLine.Length + 3;

    /// <summary>Reads the data of a report comment written with the same key; see the class for what is ignored.</summary>
    public static SavedReportRead Read(string? commentBody, string secret, DateTimeOffset now)
    {
        CheckSecret(secret);
        var start = commentBody?.LastIndexOf(Prefix, StringComparison.Ordinal) ?? -1;
        if (start < 0)
        {
            return SavedReportRead.None;
        }

        var end = commentBody!.IndexOf(Suffix, start, StringComparison.Ordinal);
        if (end < 0)
        {
            return SavedReportRead.Ignored("its saved data is truncated");
        }

        var parts = commentBody.Substring(start + Prefix.Length, end - start - Prefix.Length).Split(':');
        if (parts.Length != 3 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return SavedReportRead.Ignored("its saved data is malformed");
        }

        if (version != Version)
        {
            return SavedReportRead.Ignored($"its saved data is version {parts[0]}, and this action reads version {Version}");
        }

        if (parts[2].Length > MaxPayloadLength)
        {
            return SavedReportRead.Ignored($"its saved data is larger than {MaxPayloadLength} characters");
        }

        if (!HmacSha256.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, parts[2])), Encoding.ASCII.GetBytes(parts[1])))
        {
            return SavedReportRead.Ignored("its saved data does not carry this API key's signature (edited, or written with another key)");
        }

        return Parse(parts[2], now);
    }

    private static SavedReportRead Parse(string payload, DateTimeOffset now)
    {
        Body? body;
        try
        {
            body = JsonSerializer.Deserialize<Body>(Convert.FromBase64String(payload), new JsonSerializerOptions { MaxDepth = 8 });
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return SavedReportRead.Ignored("its saved data is malformed");
        }

        var links = new List<SavedLink>();
        foreach (var wire in body?.L ?? new List<WireLink>())
        {
            if (FromWire(wire, now) is not { } link)
            {
                return SavedReportRead.Ignored("its saved data breaks a rule (counts, sizes or times out of range)");
            }

            links.Add(link);
        }

        return links.Count is 0 or > MaxLinks
            ? SavedReportRead.Ignored("its saved data has no links, or too many")
            : SavedReportRead.Trusted(new SavedReport(links));
    }

    private static SavedLink? FromWire(WireLink? wire, DateTimeOffset now)
    {
        if (wire is null || !Text(wire.I, required: true) || !Text(wire.S) || !Text(wire.N) || !Text(wire.U) || !Text(wire.W)
            || wire.T is < 1 or > 1_000_000 || wire.V is not { Count: > 0 and <= MaxVariants } variants)
        {
            return null;
        }

        var readAt = DateTimeOffset.FromUnixTimeSeconds(Math.Max(0, Math.Min(wire.R, 253_402_300_799)));
        if (readAt < Earliest || readAt > now + ClockSkew)
        {
            return null;
        }

        var counts = new List<VariantCounts>();
        foreach (var v in variants)
        {
            if (v is null || !Text(v.L, required: true) || v.W is < 0 or > 100 || v.C < 0 || v.K < 0 || v.K > v.C)
            {
                return null;
            }

            counts.Add(new VariantCounts(v.L!, v.W, v.C, v.K));
        }

        if (!TryMemory(wire.M, out var memory))
        {
            return null;
        }

        return new SavedLink(wire.I!, wire.S ?? "", wire.N ?? "", wire.U, wire.T, wire.W, counts, readAt) { Memory = memory };
    }

    // The verdict memory, as Core's own JSON of it (KlinkyJson): absent is fine (a link's first read), unreadable is not.
    private static bool TryMemory(string? json, out VerdictMemory? memory)
    {
        memory = null;
        if (json is null)
        {
            return true;
        }

        if (json.Length > MaxMemory)
        {
            return false;
        }

        try
        {
            memory = KlinkyJson.Deserialize<VerdictMemory>(json);
            return memory is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool Text(string? value, bool required = false) =>
        value is null ? !required : value.Length <= MaxText && (!required || value.Length > 0);

    private static WireLink ToWire(SavedLink link) => new()
    {
        I = link.Id,
        S = link.Slug,
        N = link.Name,
        U = link.ShortUrl,
        T = link.AutoWinnerThreshold,
        W = link.WinnerLabel,
        R = link.ReadAt.ToUnixTimeSeconds(),
        V = link.Variants.Select(v => new WireVariant { L = v.Label, W = v.Weight, C = v.Clicks, K = v.Conversions }).ToList(),
        M = link.Memory is null ? null : KlinkyJson.Serialize(link.Memory),
    };

    private static string Sign(string secret, string payload) =>
        HmacSha256.ToHex(HmacSha256.Mac(secret, "klinky-data:" + Version.ToString(CultureInfo.InvariantCulture), payload));

    private static void CheckSecret(string secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            throw new ArgumentException("The API key signs the saved data; it is required.", nameof(secret));
        }
    }

    // One-letter names keep the hidden line small: a comment holds 65,536 characters, report included.
    private sealed class Body
    {
        public List<WireLink>? L { get; set; }
    }

    private sealed class WireLink
    {
        public string? I { get; set; }
        public string? S { get; set; }
        public string? N { get; set; }
        public string? U { get; set; }
        public int T { get; set; }
        public string? W { get; set; }
        public long R { get; set; }
        public List<WireVariant>? V { get; set; }
        public string? M { get; set; }
    }

    private sealed class WireVariant
    {
        public string? L { get; set; }
        public int W { get; set; }
        public long C { get; set; }
        public long K { get; set; }
    }
}
