using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Marketplace.Features.Forum.Markdown;

/// <summary>
/// Keeps inline parsing linear. In Markdig, every emphasis run and link opener stays an open container until its
/// paragraph ends and is walked for each later inline; every table pipe after one is split out of it; every bare web
/// address walks back over all earlier inlines of its paragraph. Each costs time in the square of the paragraph's
/// length, so past a budget per paragraph or table the rest are kept as plain text (a table whose pipes run out is
/// shown as text).
/// </summary>
internal sealed class DelimiterBudgetParser : InlineParser, IMarkdownExtension
{
    public const int MaximumDelimitersPerBlock = 500;
    public const int MaximumPipesPerBlock = 500;
    public const int MaximumBareLinksPerBlock = 100;

    private static readonly string[] BareLinkStarts = ["http://", "https://", "www.", "ftp://", "mailto:", "tel:"];

    public DelimiterBudgetParser()
    {
        OpeningCharacters = ['*', '_', '~', '[', '!', '|', 'h', 'w', 'f', 'm', 't'];
    }

    /// <summary>Goes first for its characters; add it after every other extension, which may insert parsers of their own.</summary>
    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.InlineParsers.Insert(0, this);

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var c = slice.CurrentChar;
        if (processor.Block is not { } block || (c == '!' && slice.PeekChar() != '[') || (char.IsAsciiLetterLower(c) && !IsBareLink(slice)))
        {
            return false;
        }

        if (block.GetData(typeof(DelimiterBudgetParser)) is not Budget budget)
        {
            budget = new Budget();
            block.SetData(typeof(DelimiterBudgetParser), budget);
        }

        var withinBudget = c switch
        {
            '|' => budget.Delimiters == 0 || ++budget.Pipes <= MaximumPipesPerBlock,
            _ when char.IsAsciiLetterLower(c) => ++budget.BareLinks <= MaximumBareLinksPerBlock,
            _ => ++budget.Delimiters <= MaximumDelimitersPerBlock,
        };
        if (withinBudget)
        {
            return false;
        }

        var start = slice.Start;
        slice.SkipChar();
        while (!char.IsAsciiLetterLower(c) && slice.CurrentChar == c)
        {
            slice.SkipChar();
        }

        var position = processor.GetSourcePosition(start, out var line, out var column);
        processor.Inline = new LiteralInline(slice.Text.Substring(start, slice.Start - start))
        {
            Span = new SourceSpan(position, position + slice.Start - start - 1),
            Line = line,
            Column = column,
        };
        return true;
    }

    /// <summary>Where Markdig's autolink extension would try to read an address (a cheap superset of it).</summary>
    private static bool IsBareLink(StringSlice slice)
    {
        var previous = slice.PeekCharExtra(-1);
        if (!previous.IsWhiteSpaceOrZero() && previous is not ('*' or '_' or '~' or '('))
        {
            return false;
        }

        var text = slice.AsSpan();
        foreach (var prefix in BareLinkStarts)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class Budget
    {
        public int Delimiters { get; set; }

        public int Pipes { get; set; }

        public int BareLinks { get; set; }
    }
}
