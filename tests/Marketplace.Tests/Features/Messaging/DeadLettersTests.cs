using System.Text.Json;
using Marketplace.Features.Accounts;
using Marketplace.Features.Payouts;
using Marketplace.Features.StripeWebhooks;
using Marketplace.Tests.Features.StripeWebhooks;
using Marten;

namespace Marketplace.Tests.Features.Messaging;

public sealed class DeadLettersTests(AppFixture fixture) : StripeWebhookTest(fixture)
{
    [Fact]
    public async Task A_message_that_fails_every_retry_is_listed_for_admins_and_its_replay_recovers_it_once_the_cause_is_fixed()
    {
        var admin = await MemberAsync("admin", Roles.Admin);
        var payload = SignedEvents.Event("payout.paid", SignedEvents.Payout("po_poison", "paid"), "acct_nobody_holds_yet");
        var eventId = SignedEvents.IdOf(payload);
        await DeliverAsync(payload);
        (await SettledAsync(eventId)).Status.ShouldBe(StripeEventStatus.Failed);

        var letter = await Eventually.ValueAsync(
            async () => (await AsUserAsync(admin.Token, s => s.Get.Url("/api/admin/dead-letters"))).ReadAsJson<JsonElement>()
                .GetProperty("items").EnumerateArray().FirstOrDefault(item => item.GetProperty("subject").GetString()?.Contains(eventId, StringComparison.Ordinal) == true),
            item => item.ValueKind == JsonValueKind.Object);
        letter.GetProperty("messageType").GetString()!.ShouldEndWith(nameof(ConnectedPayoutEvent));
        letter.GetProperty("exceptionType").GetString()!.ShouldEndWith(nameof(UnknownConnectedAccountException));
        letter.GetProperty("exceptionMessage").GetString()!.ShouldContain("acct_nobody_holds_yet");
        var page = await AsUserAsync(admin.Token, s => s.Get.Url("/admin/dead-letters"));
        page.ReadAsText().ShouldContain(eventId);

        var (_, shop, _) = await ShopWithAccountAsync("acct_nobody_holds_yet");
        await AsUserAsync(admin.Token, s =>
        {
            s.Post.Url($"/api/admin/dead-letters/{letter.GetProperty("id").GetGuid()}/replay");
            s.StatusCodeShouldBe(202);
        });

        // The durability agent moves a replayed letter back into the queue on its next poll.
        (await Eventually.ValueAsync(() => QueryAsync(q => q.LoadAsync<StripeEventRecord>(eventId)), record => record!.Status == StripeEventStatus.Processed, 30))!
            .Attempts.ShouldBeGreaterThan(1);
        (await QueryAsync(q => q.LoadAsync<ShopPayout>("po_poison")))!.ShopId.ShouldBe(shop.Id);
    }

    [Theory]
    [InlineData(Roles.Buyer)]
    [InlineData(Roles.Seller)]
    [InlineData(Roles.Moderator)]
    public async Task Only_admins_see_and_replay_dead_letters(string role)
    {
        var member = await MemberAsync(role, role);
        var path = $"/api/admin/dead-letters/{Guid.NewGuid()}/replay";

        await AsUserAsync(member.Token, s =>
        {
            s.Get.Url("/api/admin/dead-letters");
            s.StatusCodeShouldBe(403);
        });
        await AsUserAsync(member.Token, s =>
        {
            s.Post.Url(path);
            s.StatusCodeShouldBe(403);
        });
        await SendAsync(s =>
        {
            s.Post.Url(path);
            s.StatusCodeShouldBe(401);
        });
        await SendAsync(s =>
        {
            s.Get.Url("/api/admin/dead-letters");
            s.StatusCodeShouldBe(401);
        });
    }

    [Fact]
    public async Task Replaying_one_dead_letter_several_times_at_once_applies_it_once()
    {
        var admin = await MemberAsync("admin", Roles.Admin);
        var payload = SignedEvents.Event("payout.paid", SignedEvents.Payout("po_replayed_at_once", "paid"), "acct_nobody_holds_yet");
        var eventId = SignedEvents.IdOf(payload);
        await DeliverAsync(payload);
        (await SettledAsync(eventId)).Status.ShouldBe(StripeEventStatus.Failed);
        var letter = await Eventually.ValueAsync(
            async () => (await AsUserAsync(admin.Token, s => s.Get.Url("/api/admin/dead-letters"))).ReadAsJson<JsonElement>()
                .GetProperty("items").EnumerateArray().FirstOrDefault(item => item.GetProperty("subject").GetString()?.Contains(eventId, StringComparison.Ordinal) == true),
            item => item.ValueKind == JsonValueKind.Object);
        await ShopWithAccountAsync("acct_nobody_holds_yet");

        var replays = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => AsUserAsync(admin.Token, s =>
        {
            s.Post.Url($"/api/admin/dead-letters/{letter.GetProperty("id").GetGuid()}/replay");
            s.IgnoreStatusCode();
        })));

        replays.Select(r => r.Context.Response.StatusCode).ShouldAllBe(status => status == 202 || status == 404);
        await Eventually.ValueAsync(() => QueryAsync(q => q.LoadAsync<StripeEventRecord>(eventId)), record => record!.Status == StripeEventStatus.Processed, 30);
        (await QueryAsync(q => q.Query<ShopPayout>().Where(p => p.Id == "po_replayed_at_once").CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task Replaying_an_unknown_dead_letter_is_not_found_and_a_malformed_id_matches_no_route()
    {
        var admin = await MemberAsync("admin", Roles.Admin);

        await AsUserAsync(admin.Token, s =>
        {
            s.Post.Url($"/api/admin/dead-letters/{Guid.NewGuid()}/replay");
            s.StatusCodeShouldBe(404);
        });
        await AsUserAsync(admin.Token, s =>
        {
            s.Post.Url("/api/admin/dead-letters/not-a-guid/replay");
            s.StatusCodeShouldBe(404);
        });
        await AsUserAsync(admin.Token, s =>
        {
            s.Get.Url("/api/admin/dead-letters?page=-5&pageSize=100000");
            s.StatusCodeShouldBe(200);
        });
    }
}
