using System.Text.Json;
using Marketplace.Features.Accounts;
using Marketplace.Features.Payouts;
using Marketplace.Features.Shops;
using Marketplace.Features.StripeWebhooks;

namespace Marketplace.Tests.Features.StripeWebhooks;

public sealed class WebhookEventsAdminTests(AppFixture fixture) : StripeWebhookTest(fixture)
{
    [Fact]
    public async Task A_handler_that_keeps_failing_is_retried_then_shown_failed_and_a_replay_succeeds_once_the_cause_is_fixed()
    {
        var admin = await MemberAsync("admin", Roles.Admin);
        var payload = SignedEvents.Event("payout.paid", SignedEvents.Payout("po_early", "paid"), "acct_not_yet_stored");
        var eventId = SignedEvents.IdOf(payload);

        await DeliverAsync(payload);
        var failed = await SettledAsync(eventId);

        failed.Status.ShouldBe(StripeEventStatus.Failed);
        // The first try, the quick retries, then the two scheduled retries AppFixture configures.
        failed.Attempts.ShouldBe(1 + StripeEventFailurePolicy.Cooldowns.Length + 2);
        var listed = (await AsUserAsync(admin.Token, s => s.Get.Url("/api/admin/webhooks?status=failed"))).ReadAsJson<JsonElement>();
        var item = listed.GetProperty("items").EnumerateArray().Single();
        item.GetProperty("id").GetString().ShouldBe(eventId);
        item.GetProperty("error").GetString()!.ShouldContain("acct_not_yet_stored");

        var (_, shop, _) = await ShopWithAccountAsync("acct_not_yet_stored");
        await AsUserAsync(admin.Token, s =>
        {
            s.Post.Url($"/api/admin/webhooks/{eventId}/replay");
            s.StatusCodeShouldBe(202);
        });

        var replayed = await SettledAsync(eventId);
        replayed.Status.ShouldBe(StripeEventStatus.Processed);
        replayed.Replays.ShouldBe(1);
        (await QueryAsync(q => q.LoadAsync<ShopPayout>("po_early")))!.ShopId.ShouldBe(shop.Id);
    }

    [Fact]
    public async Task Replaying_a_processed_event_changes_nothing_more()
    {
        var admin = await MemberAsync("admin", Roles.Admin);
        var (owner, _, account) = await ShopWithAccountAsync();
        var payload = SignedEvents.Event("payout.failed", SignedEvents.Payout("po_once", "failed", failureMessage: "Closed."), account);
        await DeliverAsync(payload);
        await SettledAsync(SignedEvents.IdOf(payload));
        await Eventually.ValueAsync(() => MailsToAsync(owner.Email), mails => mails.Count > 0);

        await AsUserAsync(admin.Token, s =>
        {
            s.Post.Url($"/api/admin/webhooks/{SignedEvents.IdOf(payload)}/replay");
            s.StatusCodeShouldBe(202);
        });

        (await SettledAsync(SignedEvents.IdOf(payload))).Replays.ShouldBe(1);
        await MessagesSettledAsync(); // the replay and all it caused are over: a second mail would be sent by now
        (await MailsToAsync(owner.Email)).Count(m => m.Subject.Contains("payout", StringComparison.OrdinalIgnoreCase)).ShouldBe(1);
    }

    [Fact]
    public async Task Only_admins_see_and_replay_webhook_events()
    {
        var member = await MemberAsync("member", Roles.Moderator);

        await AsUserAsync(member.Token, s =>
        {
            s.Get.Url("/api/admin/webhooks");
            s.StatusCodeShouldBe(403);
        });
        await AsUserAsync(member.Token, s =>
        {
            s.Post.Url("/api/admin/webhooks/evt_x/replay");
            s.StatusCodeShouldBe(403);
        });
        await SendAsync(s =>
        {
            s.Get.Url("/api/admin/webhooks");
            s.StatusCodeShouldBe(401);
        });
        (await ApiStatusAsync(member.Token, s => s.Get.Url("/api/admin/webhooks/evt_x"))).ShouldBe(403);
        (await ApiStatusAsync(null, s => s.Get.Url("/api/admin/webhooks/evt_x"))).ShouldBe(401);
    }

    [Fact]
    public async Task An_admin_reads_one_event_with_its_outcome_and_an_unknown_or_hostile_id_is_not_found()
    {
        var admin = await MemberAsync("admin", Roles.Admin);
        var (_, _, account) = await ShopWithAccountAsync();
        var payload = SignedEvents.Event("payout.failed", SignedEvents.Payout("po_read", "failed", failureMessage: "Closed."), account);
        await DeliverAsync(payload);
        await SettledAsync(SignedEvents.IdOf(payload));

        var read = (await AsUserAsync(admin.Token, s => s.Get.Url($"/api/admin/webhooks/{SignedEvents.IdOf(payload)}"))).ReadAsJson<WebhookEventsAdmin.EventSummary>()!;

        read.Type.ShouldBe("payout.failed");
        read.Account.ShouldBe(account);
        read.Status.ShouldBe("processed");
        (await ApiStatusAsync(admin.Token, s => s.Get.Url("/api/admin/webhooks/evt_nope"))).ShouldBe(404);
        (await ApiStatusAsync(admin.Token, s => s.Get.Url("/api/admin/webhooks/evt%01%1F"))).ShouldBeOneOf(400, 404);
        (await ApiStatusAsync(admin.Token, s => s.Get.Url("/api/admin/webhooks/" + new string('e', 3000)))).ShouldBe(404);
    }

    [Fact]
    public async Task Replaying_an_unknown_event_is_not_found()
    {
        var admin = await MemberAsync("admin", Roles.Admin);

        await AsUserAsync(admin.Token, s =>
        {
            s.Post.Url("/api/admin/webhooks/evt_nope/replay");
            s.StatusCodeShouldBe(404);
        });
    }

    [Fact]
    public async Task An_unknown_status_filter_is_a_validation_problem()
    {
        var admin = await MemberAsync("admin", Roles.Admin);

        var result = await AsUserAsync(admin.Token, s =>
        {
            s.Get.Url("/api/admin/webhooks?status=exploded");
            s.StatusCodeShouldBe(400);
        });

        Problem(result).GetProperty("errors").TryGetProperty("status", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_seller_whose_account_is_deauthorized_can_no_longer_publish()
    {
        var (_, view, account) = await ShopWithAccountAsync();
        var payload = SignedEvents.Event("account.application.deauthorized",
            new System.Text.Json.Nodes.JsonObject { ["id"] = "ca_platform", ["object"] = "application", ["name"] = "Marketplace" }, account);

        await DeliverAsync(payload);

        (await SettledAsync(SignedEvents.IdOf(payload))).Status.ShouldBe(StripeEventStatus.Processed);
        (await QueryAsync(q => q.LoadAsync<ShopPayoutAccount>(view.Id)))!.Deauthorized.ShouldBeTrue();
        (await SendAsync(s => s.Get.Url($"/api/shops/{view.Slug}"))).ReadAsJson<ShopView>()!.CanPublish.ShouldBeFalse();
    }
}
