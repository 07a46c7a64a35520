using System.Text;
using AngleSharp;
using AngleSharp.Dom;

namespace Marketplace.Features.Forum.Markdown;

/// <summary>
/// Serializes a sanitized DOM in time proportional to its size. AngleSharp's own serializer looks up each node's next
/// sibling by scanning its parent's children, which is quadratic for a paragraph of thousands of inlines or a post of
/// thousands of paragraphs. Escaping is still AngleSharp's: every tag, attribute and text goes through the formatter.
/// </summary>
internal static class LinearHtmlWriter
{
    public static string Write(INodeList nodes, IMarkupFormatter formatter)
    {
        var html = new StringBuilder();
        WriteChildren(html, nodes, formatter);
        return html.ToString();
    }

    private static void WriteChildren(StringBuilder html, INodeList nodes, IMarkupFormatter formatter)
    {
        for (var i = 0; i < nodes.Length; i++)
        {
            switch (nodes[i])
            {
                case IElement element:
                    var selfClosing = element.Flags.HasFlag(NodeFlags.SelfClosing);
                    html.Append(formatter.OpenTag(element, selfClosing));
                    if (element.Flags.HasFlag(NodeFlags.LineTolerance) && element.FirstChild is IText { Data: ['\n', ..] })
                    {
                        // The parser drops one newline right after <pre>; this keeps a leading one in the text.
                        html.Append('\n');
                    }

                    WriteChildren(html, element.ChildNodes, formatter);
                    html.Append(formatter.CloseTag(element, selfClosing));
                    break;
                case ICharacterData text when text.NodeType == NodeType.Text:
                    html.Append(text.Parent?.Flags.HasFlag(NodeFlags.LiteralText) == true ? formatter.LiteralText(text) : formatter.Text(text));
                    break;
            }
        }
    }
}
