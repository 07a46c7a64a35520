using Marketplace.Features.Email;
using Wolverine.Tracking;

namespace Marketplace.Tests.Features.Email;

public sealed class DevOutboxTests(AppFixture fixture) : IntegrationTest(fixture)
{
    private const string ConfirmUrl = "https://shop.example/account/confirm?user=42&token=abc%2Bdef";

    [Fact]
    public async Task A_published_mail_is_delivered_from_the_queue_into_the_dev_outbox_with_its_links()
    {
        var message = AccountEmails.ConfirmEmail("Ada", ConfirmUrl).ToMessage("ada@example.com");

        var tracked = await Host.ExecuteAndWaitAsync(context => context.PublishAsync(message).AsTask());

        tracked.Executed.SingleMessage<SendEmail>().MessageId.ShouldBe(message.MessageId);
        var mail = (await OutboxAsync()).ShouldHaveSingleItem();
        mail.Id.ShouldBe(message.MessageId);
        mail.To.ShouldBe("ada@example.com");
        mail.Subject.ShouldBe(message.Subject);
        mail.Text.ShouldBe(message.Text);
        mail.Html.ShouldBe(message.Html);
        mail.Links.ShouldBe([ConfirmUrl]);
        mail.SentAt.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public async Task Delivering_the_same_message_twice_keeps_one_mail()
    {
        var message = AccountEmails.ResetPassword("Ada", "https://shop.example/account/reset?token=1").ToMessage("ada@example.com");

        await Host.InvokeMessageAndWaitAsync(message);
        var first = (await OutboxAsync()).ShouldHaveSingleItem();
        await Host.InvokeMessageAndWaitAsync(message);

        var mail = (await OutboxAsync()).ShouldHaveSingleItem();
        mail.SentAt.ShouldBe(first.SentAt);
    }

    [Fact]
    public async Task The_outbox_lists_newest_first_and_filters_by_recipient_ignoring_case()
    {
        var now = DateTimeOffset.UtcNow;
        await StoreAsync(
            Mail("Ada.Lovelace@Example.com", "Older", now.AddMinutes(-2)),
            Mail("ada.lovelace@example.com", "Newer", now.AddMinutes(-1)),
            Mail("grace@example.com", "Someone else's", now),
            Mail("adaxlovelace@example.com", "Not a wildcard match", now));

        var all = await OutboxAsync();
        var filtered = await OutboxAsync("?to=ADA.LOVELACE@example.COM");

        all.Select(m => m.SentAt).ShouldBeInOrder(SortDirection.Descending);
        all.Length.ShouldBe(4);
        filtered.Select(m => m.Subject).ShouldBe(["Newer", "Older"]);
        (await OutboxAsync("?to=ada_lovelace@example.com")).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_dev_outbox_page_shows_each_mail_with_its_subject_links_and_text()
    {
        var message = AccountEmails.ConfirmEmail("Ada", ConfirmUrl).ToMessage("ada@example.com");
        await Host.InvokeMessageAndWaitAsync(message);
        await StoreAsync(DevOutboxMail.Of(
            new SendEmail(Guid.CreateVersion7(), "eve@example.com", "Odd links", "Text", """<a href="javascript:alert(1)">x</a>"""),
            DateTimeOffset.UtcNow.AddMinutes(-5)));

        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/dev/outbox");
            s.WithRequestHeader("Accept", "text/html");
        });

        var html = await result.ReadAsTextAsync();
        html.ShouldContain($"<h2 id=\"mail-{message.MessageId}\">{message.Subject}</h2>");
        html.ShouldContain("href=\"https://shop.example/account/confirm?user=42&amp;token=abc%2Bdef\"");
        html.ShouldContain("Thanks for joining Marketplace.");
        html.ShouldNotContain("href=\"javascript:");
    }

    private static DevOutboxMail Mail(string to, string subject, DateTimeOffset sentAt) =>
        DevOutboxMail.Of(new SendEmail(Guid.CreateVersion7(), to, subject, "Text", "<p>Html</p>"), sentAt);

    private async Task<OutboxMail[]> OutboxAsync(string query = "")
    {
        var result = await Host.Scenario(s => s.Get.Url($"/api/dev/outbox{query}"));
        return result.ReadAsJson<OutboxMail[]>()!;
    }

    private sealed record OutboxMail(Guid Id, string To, string Subject, string Text, string Html, string[] Links, DateTimeOffset SentAt);
}
