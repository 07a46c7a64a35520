using System.Buffers;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace Marketplace.Features.Forum.Markdown;

/// <summary>
/// Recognises <c>@name</c>: 2 to 30 letters, digits, <c>_</c>, <c>-</c> or <c>.</c>, not glued to the word before it
/// (so <c>ada@example.com</c> is no mention) nor to an <c>@</c> after it. Markdig never runs inline parsers inside
/// code spans, code blocks, autolinks or link destinations, so those are left alone for free.
/// </summary>
internal sealed class MentionInlineParser : InlineParser
{
    public const int MinimumLength = 2;
    public const int MaximumLength = 30;

    private static readonly SearchValues<char> ValidPrevious = SearchValues.Create("*_~([{|\"'>");

    public MentionInlineParser()
    {
        OpeningCharacters = ['@'];
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var previous = slice.PeekCharExtra(-1);
        if (!previous.IsWhiteSpaceOrZero() && !ValidPrevious.Contains(previous))
        {
            return false;
        }

        var text = slice.Text;
        var start = slice.Start + 1;
        var end = start;
        while (end <= slice.End && IsNameChar(text[end]))
        {
            end++;
        }

        if (end <= slice.End && text[end] == '@')
        {
            return false;
        }

        // A sentence may end right after a name: "thanks @ada." mentions "ada".
        while (end > start && text[end - 1] == '.')
        {
            end--;
        }

        var length = end - start;
        if (length is < MinimumLength or > MaximumLength)
        {
            return false;
        }

        var position = processor.GetSourcePosition(slice.Start, out var line, out var column);
        processor.Inline = new MentionInline(text.Substring(start, length))
        {
            Span = new SourceSpan(position, position + length),
            Line = line,
            Column = column,
        };
        slice.Start = end;
        return true;
    }

    public static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-' or '.';
}
