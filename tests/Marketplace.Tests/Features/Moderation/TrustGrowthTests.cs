using Marketplace.Features.Accounts;
using Marketplace.Features.Moderation.Trust;
using Marketplace.Features.Orders;
using Marketplace.Tests.Features.Forum;
using Wolverine.Tracking;

namespace Marketplace.Tests.Features.Moderation;

/// <summary>Trust earned by activity (threads entered, posts, likes received), and how it meets a moderator's level.</summary>
public sealed class TrustGrowthTests(AppFixture fixture) : ForumTest(fixture)
{
    private sealed record Newcomer(Guid Id, string Token);

    private async Task<Newcomer> NewcomerAsync(string who)
    {
        var email = NewEmail(who);
        var id = await CreateAccountAsync(email);
        return new Newcomer(id, (await LoginAsync(email)).AccessToken);
    }

    private Task<MemberTrust?> WhenAsync(Guid memberId, Func<MemberTrust, bool> done) =>
        Eventually.ValueAsync(() => QueryAsync(q => q.LoadAsync<MemberTrust>(memberId)), t => t is not null && done(t));

    private Task OpenAsync(Newcomer member, Guid threadId) =>
        AsUserAsync(member.Token, s => { s.WithRequestHeader("Accept", "text/html"); s.Get.Url($"/forum/threads/{threadId}"); });

    private async Task SetLevelAsync(string moderator, Guid memberId, int level) =>
        await AsUserAsync(moderator, s =>
        {
            s.Post.Json(new { level, reason = "Seen at the meetup." }).ToUrl($"/api/moderation/users/{memberId}/trust");
            s.StatusCodeShouldBe(200);
        });

    private async Task<Guid[]> ThreadsAsync(int count)
    {
        var op = await MemberTokenAsync("op");
        var category = await CategoryAsync();
        var threads = new Guid[count];
        for (var i = 0; i < count; i++)
        {
            threads[i] = (await StartThreadAsync(op, category, $"Question {i}", $"Thread {i}")).ThreadId;
        }

        return threads;
    }

    [Fact]
    public async Task Trust_grows_with_threads_entered_once_each_by_page_or_hub_then_posts_and_likes_received()
    {
        Set<TrustOptions, TrustThresholds>(o => o.Level1, new() { TopicsEntered = 2 });
        Set<TrustOptions, TrustThresholds>(o => o.Level2, new() { TopicsEntered = 2, Posts = 1, LikesReceived = 1 });
        var threads = await ThreadsAsync(2);
        var newcomer = await NewcomerAsync("newcomer");

        await OpenAsync(newcomer, threads[0]);
        await OpenAsync(newcomer, threads[0]);
        await MessagesSettledAsync();
        (await WhenAsync(newcomer.Id, t => t.Activity.TopicsEntered == 1)).ShouldNotBeNull().Level.ShouldBe(0);

        await using (var hub = await HubClient.ConnectAsync(Host, newcomer.Token))
        {
            await hub.JoinAsync(threads[1], 0);
        }

        await WhenAsync(newcomer.Id, t => t.Level == 1);
        var reply = await ReplyAsync(newcomer.Token, threads[1], "Thanks, that helped.");
        (await WhenAsync(newcomer.Id, t => t.Activity.Posts == 1)).ShouldNotBeNull().Level.ShouldBe(1);
        await AsUserAsync(await MemberTokenAsync("fan"), s => s.Post.Url($"/api/forum/posts/{reply.PostId}/like"));

        var trust = await WhenAsync(newcomer.Id, t => t.Level == 2);
        trust.ShouldNotBeNull().Activity.ShouldBe(new TrustActivity(0, 2, 1, 1, 0));
    }

    [Fact]
    public async Task A_purchase_counts_towards_trust_and_a_refunded_one_does_not()
    {
        Set<TrustOptions, TrustThresholds>(o => o.Level1, new() { Purchases = 2 });
        var buyer = await NewcomerAsync("buyer");
        var bought = new Entitlement { Id = Guid.CreateVersion7(), BuyerId = buyer.Id, ProductId = Guid.NewGuid(), OrderId = Guid.NewGuid(), State = EntitlementState.Active };
        var refunded = new Entitlement { Id = Guid.CreateVersion7(), BuyerId = buyer.Id, ProductId = Guid.NewGuid(), OrderId = Guid.NewGuid(), State = EntitlementState.Revoked };
        await StoreAsync(bought, refunded);

        await Host.ExecuteAndWaitAsync(c => c.PublishAsync(new EntitlementGranted(bought.Id)).AsTask(), 30_000);

        (await WhenAsync(buyer.Id, t => t.Activity.Purchases == 1)).ShouldNotBeNull().Level.ShouldBe(0);
        bought.Id = Guid.CreateVersion7();
        bought.ProductId = Guid.NewGuid();
        await StoreAsync(bought);
        await Host.ExecuteAndWaitAsync(c => c.PublishAsync(new EntitlementGranted(bought.Id)).AsTask(), 30_000);
        (await WhenAsync(buyer.Id, t => t.Level == 1)).ShouldNotBeNull().Activity.Purchases.ShouldBe(2);
    }

    [Fact]
    public async Task Activity_raises_a_level_but_never_below_what_a_moderator_set_and_a_lowered_level_is_held_until_set_again()
    {
        Set<TrustOptions, TrustThresholds>(o => o.Level1, new() { TopicsEntered = 1 });
        Set<TrustOptions, TrustThresholds>(o => o.Level2, new() { TopicsEntered = 3 });
        var threads = await ThreadsAsync(3);
        var moderator = await MemberTokenAsync("moderator", Roles.Moderator);
        var newcomer = await NewcomerAsync("newcomer");

        await SetLevelAsync(moderator, newcomer.Id, 2);
        await OpenAsync(newcomer, threads[0]);
        (await WhenAsync(newcomer.Id, t => t.Activity.TopicsEntered == 1)).ShouldNotBeNull().Level.ShouldBe(2);

        await SetLevelAsync(moderator, newcomer.Id, 0);
        await OpenAsync(newcomer, threads[1]);
        var held = await WhenAsync(newcomer.Id, t => t.Activity.TopicsEntered == 2);
        (held!.Level, held.Held).ShouldBe((0, true));

        await SetLevelAsync(moderator, newcomer.Id, 1);
        await OpenAsync(newcomer, threads[2]);
        var raised = await WhenAsync(newcomer.Id, t => t.Activity.TopicsEntered == 3);
        (raised!.Level, raised.Held, raised.SetByModerator).ShouldBe((2, false, 1));
    }
}
