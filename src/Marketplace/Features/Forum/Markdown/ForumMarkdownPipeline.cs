using Markdig;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Marketplace.Features.Forum.Markdown;

/// <summary>The Markdig pipeline for posts: CommonMark plus what a forum needs, and no raw HTML.</summary>
internal static class ForumMarkdownPipeline
{
    public const string AlignCenterClass = "align-center";
    public const string AlignRightClass = "align-right";

    // Post headings start at h3 so that a post's "# Title" never competes with the page's own h1 and h2.
    private const int HeadingShift = 2;

    public static MarkdownPipeline Build()
    {
        var builder = new MarkdownPipelineBuilder()
            .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
            .UseAutoLinks(new() { UseHttpsForWWWLinks = true })
            .UsePipeTables()
            .UseTaskLists()
            .UseSoftlineBreakAsHardlineBreak()
            .DisableHtml();
        builder.Extensions.AddIfNotAlready<MentionExtension>();
        builder.Extensions.Add(new DelimiterBudgetParser());
        builder.DocumentProcessed += Adjust;
        return builder.Build();
    }

    private static void Adjust(MarkdownDocument document)
    {
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(6, heading.Level + HeadingShift);
        }

        foreach (var table in document.Descendants<Table>())
        {
            AlignWithClasses(table);
        }

        // An image from anywhere but an absolute web address is dropped here; its description stays as text.
        foreach (var image in document.Descendants<LinkInline>().Where(link => link.IsImage).ToList())
        {
            if (image.Url is not { } url || !ForumHtmlPolicy.IsSafeUrl(url, relativeAllowed: false))
            {
                var description = string.Concat(image.Descendants<LiteralInline>().Select(literal => literal.Content.ToString()));
                image.ReplaceBy(new LiteralInline(description), copyChildren: false);
            }
        }
    }

    /// <summary>Markdig writes column alignment as a style attribute, which the sanitizer removes; a class survives.</summary>
    private static void AlignWithClasses(Table table)
    {
        var columns = table.ColumnDefinitions;
        foreach (var row in table.OfType<TableRow>())
        {
            for (var i = 0; i < row.Count && columns.Count > 0; i++)
            {
                var cell = (TableCell)row[i];
                var index = cell.ColumnIndex >= 0 && cell.ColumnIndex < columns.Count ? cell.ColumnIndex : Math.Min(i, columns.Count - 1);
                var alignClass = columns[index].Alignment switch
                {
                    TableColumnAlign.Center => AlignCenterClass,
                    TableColumnAlign.Right => AlignRightClass,
                    _ => null,
                };
                if (alignClass is not null)
                {
                    cell.GetAttributes().AddClass(alignClass);
                }
            }
        }

        foreach (var column in columns)
        {
            column.Alignment = null;
        }
    }
}
