using Microsoft.Net.Http.Headers;

namespace Marketplace.Features.Downloads.Serving;

/// <summary>
/// What a download asked for with <c>Range</c> and <c>If-Range</c> (RFC 9110 §14): the whole file, one range, or several
/// (refused: one range per request). A header that does not parse as a byte range is ignored, as the RFC says.
/// </summary>
public sealed record RangeRequest(long? From, long? To, bool Several, string? IfRange)
{
    public static readonly RangeRequest Whole = new(null, null, false, null);

    public bool IsWhole => From is null && To is null && !Several;

    /// <summary>The header as the audit records it (at most 100 characters), or null without one.</summary>
    public string? Text { get; init; }

    public static RangeRequest Of(HttpRequest request)
    {
        var header = request.Headers.Range.ToString();
        if (header.Length == 0)
        {
            return Whole;
        }

        var text = header.Length > 100 ? header[..100] : header;
        var ifRange = request.Headers.IfRange.ToString() is { Length: > 0 and <= 200 } validator ? validator : null;
        if (!RangeHeaderValue.TryParse(header, out var parsed) || !string.Equals(parsed.Unit.Value, "bytes", StringComparison.OrdinalIgnoreCase)
            || parsed.Ranges.Count == 0)
        {
            return Whole with { Text = text };
        }

        if (parsed.Ranges.Count > 1)
        {
            return new RangeRequest(null, null, true, ifRange) { Text = text };
        }

        var range = parsed.Ranges.First();
        if (range.From > range.To || range.From < 0 || range.To < 0)
        {
            return Whole with { Text = text };
        }

        return new RangeRequest(range.From, range.To, false, ifRange) { Text = text };
    }

    /// <summary>
    /// The bytes to send of a file of <paramref name="size"/> whose validators are <paramref name="etag"/> and
    /// <paramref name="lastModified"/>: null when the range cannot be satisfied (416). An <c>If-Range</c> that does not
    /// match means the file changed since the client's first part: the whole file is sent.
    /// </summary>
    public ByteSpan? Resolve(long size, string etag, DateTimeOffset lastModified)
    {
        if (IsWhole || (IfRange is { } validator && !Matches(validator, etag, lastModified)))
        {
            return new ByteSpan(0, size, size, Partial: false);
        }

        if (From is { } from)
        {
            if (from >= size)
            {
                return null;
            }

            var last = To is { } to ? Math.Min(to, size - 1) : size - 1;
            return new ByteSpan(from, last - from + 1, size, Partial: true);
        }

        // A suffix: the last N bytes.
        var suffix = Math.Min(To ?? 0, size);
        return suffix <= 0 ? null : new ByteSpan(size - suffix, suffix, size, Partial: true);
    }

    private static bool Matches(string validator, string etag, DateTimeOffset lastModified) =>
        validator.StartsWith('"')
            ? string.Equals(validator, etag, StringComparison.Ordinal)
            : !validator.StartsWith("W/", StringComparison.Ordinal) && HeaderUtilities.TryParseDate(validator, out var date)
                && date.ToUnixTimeSeconds() == lastModified.ToUnixTimeSeconds();
}

/// <summary>The part of a file a response carries: <see cref="Length"/> bytes from <see cref="From"/> of <see cref="Size"/>.</summary>
public sealed record ByteSpan(long From, long Length, long Size, bool Partial)
{
    /// <summary>Whether the response carries the file's last byte: only such a response can complete a download.</summary>
    public bool ReachesEnd => From + Length >= Size;

    public string ContentRange => $"bytes {From}-{From + Length - 1}/{Size}";
}
