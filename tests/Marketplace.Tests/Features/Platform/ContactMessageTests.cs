using System.Text.Json;
using Alba;
using Marketplace.Features.Platform;
using Wolverine.Tracking;

namespace Marketplace.Tests.Features.Platform;

public sealed class ContactMessageTests(AppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task A_contact_message_is_stored_and_forwarded_to_the_team_through_the_durable_outbox()
    {
        IScenarioResult? result = null;
        var tracked = await Host.ExecuteAndWaitAsync(async () => result = await Host.Scenario(s =>
        {
            s.Post.Json(new { name = " Grace ", email = "grace@example.com", subject = "Payouts", message = "When do payouts arrive?" })
                .ToUrl("/api/platform/contact");
            s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = NewClientAddress());
            s.StatusCodeShouldBe(202);
        }));

        var id = result!.ReadAsJson<JsonElement>().GetProperty("id").GetGuid();
        tracked.Executed.SingleMessage<ContactMessageReceived>().ContactMessageId.ShouldBe(id);
        var stored = await QueryAsync(session => session.LoadAsync<ContactMessage>(id));
        stored.ShouldNotBeNull();
        stored.Name.ShouldBe("Grace");
        stored.ForwardedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Redelivering_the_received_event_forwards_the_message_only_once()
    {
        var id = Guid.CreateVersion7();
        var firstForward = DateTimeOffset.UtcNow.AddMinutes(-5);
        await StoreAsync(new ContactMessage
        {
            Id = id, Name = "Lin", Email = "lin@example.com", Subject = "Hi", Body = "Hello there, team.",
            ReceivedAt = firstForward, ForwardedAt = firstForward,
        });

        await Host.InvokeMessageAndWaitAsync(new ContactMessageReceived(id));

        var stored = await QueryAsync(session => session.LoadAsync<ContactMessage>(id));
        stored!.ForwardedAt.ShouldBe(firstForward);
    }

    [Fact]
    public async Task The_contact_page_renders_a_labelled_form_protected_by_antiforgery()
    {
        var form = await Host.Scenario(s => s.Get.Url("/contact"));

        var html = await form.ReadAsTextAsync();
        html.ShouldContain("__RequestVerificationToken");
        html.ShouldContain("<label for=\"Input_Email\">");
    }

    [Fact]
    public async Task A_contact_form_post_without_the_antiforgery_token_is_refused_and_stores_nothing()
    {
        await Host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string>
            {
                ["Input.Name"] = "Mallory", ["Input.Email"] = "m@example.com", ["Input.Subject"] = "Hi",
                ["Input.Message"] = "Forged from another site.",
            }).ToUrl("/contact");
            s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = NewClientAddress());
            s.StatusCodeShouldBe(400);
        });

        (await QueryAsync(session => Marten.QueryableExtensions.CountAsync(session.Query<ContactMessage>()))).ShouldBe(0);
    }
}
