using Markdig.Syntax.Inlines;

namespace Marketplace.Features.Forum.Markdown;

/// <summary>An <c>@name</c> in a post, as parsed by <see cref="MentionInlineParser"/>.</summary>
internal sealed class MentionInline(string name) : LeafInline
{
    public string Name { get; } = name;

    /// <summary>The member page the mention links to; null when it names nobody, and it reads as plain text.</summary>
    public string? Link { get; set; }
}
