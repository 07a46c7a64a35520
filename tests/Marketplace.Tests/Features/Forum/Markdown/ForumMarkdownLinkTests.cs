using Marketplace.Features.Forum.Markdown;

namespace Marketplace.Tests.Features.Forum.Markdown;

/// <summary>What counts as a link or an image for the new members' rule (<c>NewMemberRules</c>).</summary>
public sealed class ForumMarkdownLinkTests
{
    private readonly ForumMarkdown _markdown = new();

    [Theory]
    [InlineData("[site](https://example.com)")]
    [InlineData("see https://example.com/a")]
    [InlineData("see www.example.com")]
    [InlineData("<https://example.com>")]
    [InlineData("[thread](/forum/threads/42)")]
    [InlineData("![logo](https://cdn.example/l.png)")]
    [InlineData("> quoted [link](https://example.com)")]
    [InlineData("[ref]\n\n[ref]: https://example.com")]
    public void A_link_or_an_image_anywhere_in_a_post_counts(string markdown) =>
        _markdown.HasLinksOrImages(markdown).ShouldBeTrue();

    [Theory]
    [InlineData("Plain words, **bold** and `code`.")]
    [InlineData("Thanks @ada, see you.")]
    [InlineData("Write to ada@example.com")]
    [InlineData("`https://example.com` in code")]
    [InlineData("```\nhttps://example.com\n```")]
    [InlineData("example dot com")]
    public void Mentions_addresses_and_code_are_not_links(string markdown) =>
        _markdown.HasLinksOrImages(markdown).ShouldBeFalse();
}
