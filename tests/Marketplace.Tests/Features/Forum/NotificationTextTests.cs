using Marketplace.Features.Accounts;
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
    public void A_handle_is_derived_from_the_display_name_in_ascii_letters_and_digits_and_falls_back_when_too_little_is_left()
    {
        MemberHandles.Derive("Ada Lovelace").ShouldBe("AdaLovelace");
        MemberHandles.Derive("Jean-Luc O'Neil").ShouldBe("JeanLucONeil");
        MemberHandles.Derive("Zoë Ångström 2").ShouldBe("ZoeAngstrom2");
        MemberHandles.Derive("Аda Cyrillic").ShouldBe("daCyrillic"); // the Cyrillic А looks Latin but is left out
        MemberHandles.Derive("李小龙").ShouldBe(MemberHandles.Fallback);
        MemberHandles.Derive("Support").ShouldBe(MemberHandles.Fallback);
        MemberHandles.Derive(new string('x', 200)).Length.ShouldBe(MemberHandles.MaximumLength - 6);
        _markdown.Mentions("Hi @JeanLucONeil and @Dr.Who.").ShouldBe(["JeanLucONeil", "Dr.Who"]);
    }

    [Theory]
    [InlineData("ada\0x", "only the letters")]
    [InlineData("ada\u0007", "only the letters")]
    [InlineData("\u0430da", "only the letters")] // Cyrillic а
    [InlineData("ada\u200Bb", "only the letters")] // zero-width space
    [InlineData("ｍｏｄ", "only the letters")] // full-width letters
    [InlineData("ad", "3 to 30")]
    [InlineData("the_admin", "reserved")]
    [InlineData("Everyone", "reserved")]
    [InlineData("AdminBob", "reserved")]
    [InlineData("TheOfficialOne", "reserved")]
    [InlineData("undefined", "reserved")]
    public void Hostile_or_reserved_handles_are_refused_in_words(string handle, string problem)
    {
        MemberHandles.Problem(System.Text.RegularExpressions.Regex.Unescape(handle)).ShouldNotBeNull().ShouldContain(problem);
        MemberHandles.Problem(new string('a', 31)).ShouldNotBeNull().ShouldContain("3 to 30");
        MemberHandles.Problem("Ada_Lovelace2").ShouldBeNull();
    }
}
