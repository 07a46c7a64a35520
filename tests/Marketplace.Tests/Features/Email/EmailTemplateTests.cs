using Marketplace.Features.Email;

namespace Marketplace.Tests.Features.Email;

public sealed class EmailTemplateTests
{
    [Fact]
    public void A_display_name_with_markup_is_encoded_in_the_html_and_kept_as_written_in_the_text()
    {
        var mail = AccountEmails.ConfirmEmail("<script>alert('x')</script>", "https://shop.example/confirm?token=1");

        mail.Html.ShouldNotContain("<script>");
        mail.Html.ShouldContain("&lt;script&gt;");
        mail.Text.ShouldContain("Hello <script>alert('x')</script>,");
    }

    [Fact]
    public void The_call_to_action_appears_in_both_twins_and_is_the_only_link_of_the_html()
    {
        const string url = "https://shop.example/account/reset?user=7&token=a%2Fb";

        var mail = AccountEmails.ResetPassword("Grace", url);

        mail.Subject.ShouldBe("Reset your Marketplace password");
        mail.Html.ShouldContain("href=\"https://shop.example/account/reset?user=7&amp;token=a%2Fb\"");
        mail.Html.ShouldContain("<html lang=\"en\"");
        mail.Html.ShouldContain("role=\"presentation\"");
        mail.Text.ShouldContain($"Choose a new password:\n{url}\n");
        mail.Text.ShouldNotContain("<");
        DevOutboxMail.ExtractLinks(mail.Html).ShouldBe([url]);
    }

    [Fact]
    public void Every_input_of_the_layout_is_encoded()
    {
        var mail = EmailLayout.Render("Order <1>", "Title & <b>", ["<img src=x onerror=alert(1)>"], new EmailCallToAction("<i>Go</i>", "https://shop.example/?a=\"b\""));

        mail.Html.ShouldNotContain("<b>");
        mail.Html.ShouldNotContain("<img");
        mail.Html.ShouldNotContain("<i>");
        mail.Html.ShouldNotContain("\"b\"");
        mail.Html.ShouldContain("<title>Order &lt;1&gt;</title>");
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("/account/confirm")]
    [InlineData("ftp://shop.example/file")]
    public void A_call_to_action_must_open_an_absolute_web_address(string url)
    {
        Should.Throw<ArgumentException>(() => AccountEmails.ConfirmEmail("Ada", url));
    }

    [Fact]
    public void The_dev_outbox_finds_every_link_once_in_order_and_decoded()
    {
        const string html = """<a href="https://a.example/x?p=1&amp;q=2">a</a> <a href='/relative/path'>b</a> <A HREF=https://c.example>c</A> <a href="https://a.example/x?p=1&amp;q=2">again</a>""";

        DevOutboxMail.ExtractLinks(html).ShouldBe(["https://a.example/x?p=1&q=2", "/relative/path", "https://c.example"]);
    }
}
