using Markdig;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Marketplace.Features.Forum.Markdown;

/// <summary>
/// Parses <c>@name</c> into <see cref="MentionInline"/> and renders a mention of a member as <c>&lt;a class="mention"&gt;</c>
/// to their page, any other as the plain text it was.
/// </summary>
internal sealed class MentionExtension : IMarkdownExtension
{
    public const string CssClass = "mention";

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<MentionInlineParser>())
        {
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new MentionInlineParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<Renderer>())
        {
            html.ObjectRenderers.Add(new Renderer());
        }
    }

    private sealed class Renderer : HtmlObjectRenderer<MentionInline>
    {
        protected override void Write(HtmlRenderer renderer, MentionInline obj)
        {
            if (renderer.EnableHtmlForInline && obj.Link is { } link)
            {
                renderer.Write("<a class=\"").Write(CssClass).Write("\" href=\"").WriteEscapeUrl(link).Write("\">@");
                renderer.WriteEscape(obj.Name);
                renderer.Write("</a>");
            }
            else
            {
                renderer.Write('@').WriteEscape(obj.Name);
            }
        }
    }
}
