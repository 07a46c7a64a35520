namespace Marketplace.Features.Forum.Markdown;

/// <summary>
/// Keeps block parsing linear. Each <c>&gt;</c> or list marker at the start of a line opens a block inside the previous
/// one, and Markdig only refuses such nesting after thousands of levels, having done work in the square of the depth
/// to get there. A line that opens more than <see cref="MaximumPerLine"/> containers marks the post as not worth
/// formatting.
/// </summary>
internal static class ContainerDepth
{
    public const int MaximumPerLine = 32;

    public static bool IsExcessive(string markdown)
    {
        foreach (var line in markdown.AsSpan().EnumerateLines())
        {
            if (CountOpeners(line) > MaximumPerLine)
            {
                return true;
            }
        }

        return false;
    }

    private static int CountOpeners(ReadOnlySpan<char> line)
    {
        var count = 0;
        var i = 0;
        while (true)
        {
            while (i < line.Length && line[i] is ' ' or '\t')
            {
                i++;
            }

            var markerEnd = MarkerEnd(line, i);
            if (markerEnd < 0)
            {
                return count;
            }

            count++;
            i = markerEnd;
        }
    }

    /// <summary>Where a block quote or list marker starting at <paramref name="i"/> ends, or -1 if there is none.</summary>
    private static int MarkerEnd(ReadOnlySpan<char> line, int i)
    {
        if (i >= line.Length)
        {
            return -1;
        }

        if (line[i] == '>')
        {
            return i + 1;
        }

        var end = i;
        if (line[i] is '-' or '*' or '+')
        {
            end = i + 1;
        }
        else
        {
            while (end < line.Length && end - i < 9 && char.IsAsciiDigit(line[end]))
            {
                end++;
            }

            end = end > i && end < line.Length && line[end] is '.' or ')' ? end + 1 : -1;
        }

        return end > i && (end == line.Length || line[end] is ' ' or '\t') ? end : -1;
    }
}
