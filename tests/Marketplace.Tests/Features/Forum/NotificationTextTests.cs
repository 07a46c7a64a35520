using Marketplace.Features.Forum.Markdown;
using Marketplace.Features.Forum.Notifications;

namespace Marketplace.Tests.Features.Forum;

public sealed class NotificationTextTests
{
    private readonly ForumMarkdown _markdown = new();

    [Fact]
    public void An_excerpt_is_the_posts_own_plain_text_without_the_quotes_it_answers()
    {
        var html = _markdown.Render(_markdown.Quote("Ada", "Long *quoted* text.") + "My **own** answer, @bea.\n\n- one\n- two");

        NotificationExcerpt.Of(html).ShouldBe("My own answer, @bea. one two");
    }

    [Fact]
    public void An_excerpt_of_a_long_post_is_cut_at_a_word_and_a_post_that_only_quotes_keeps_the_quote()
    {
        var excerpt = NotificationExcerpt.Of(_markdown.Render(string.Join(' ', Enumerable.Repeat("pottery", 40))));

        excerpt.Length.ShouldBeLessThanOrEqualTo(NotificationExcerpt.MaximumLength);
        excerpt.ShouldEndWith("pottery…");
        NotificationExcerpt.Of(_markdown.Render(_markdown.Quote("Ada", "Only this."))).ShouldBe("Ada wrote: Only this.");
        NotificationExcerpt.Of(_markdown.Render("Fish &amp; chips <script>x</script>")).ShouldBe("Fish & chips <script>x</script>");
    }

    [Fact]
    public void Quoted_names_are_read_from_the_composers_attribution_lines_unescaped()
    {
        var body = _markdown.Quote("Jean-Luc [O'Neil]", "First.") + _markdown.Quote("Ada", "Second.") + "Ada wrote: not a quote\nplain text";

        QuotedAuthors.Names(body).ShouldBe(["Jean-Luc [O'Neil]", "Ada"]);
    }

    [Fact]
    public void A_member_is_mentioned_by_the_display_name_without_spaces_or_characters_a_mention_cannot_hold()
    {
        MentionedMembers.MentionOf("Ada Lovelace").ShouldBe("AdaLovelace");
        MentionedMembers.MentionOf("Jean-Luc O'Neil").ShouldBe("Jean-LucONeil");
        MentionedMembers.MentionOf("Dr. Who.").ShouldBe("Dr.Who");
        _markdown.Mentions("Hi @Jean-LucONeil and @Dr.Who.").ShouldBe(["Jean-LucONeil", "Dr.Who"]);
    }
}
