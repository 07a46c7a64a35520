using Marketplace.Features.Forum;
using Marketplace.Features.Orders;
using Marketplace.Tests.Features.Forum;
using Marten;

namespace Marketplace.Tests.Features.Sales;

/// <summary>The "verified buyer" badge in a product's support thread, from the moment the payment lands until the line is refunded.</summary>
public sealed class VerifiedBuyerTests(AppFixture fixture) : SalesTest(fixture)
{
    [Fact]
    public async Task A_buyers_post_in_the_products_thread_carries_the_badge_and_a_non_buyers_does_not()
    {
        var paid = await PaidTwoShopOrderAsync();
        var bystander = await BuyerAsync();
        await SupportThreadAsync(paid.IconsId);

        await ReplyAsync(paid.Buyer, paid.IconsId, "Works great with the brushes.");
        await ReplyAsync(bystander, paid.IconsId, "Is there an SVG version?");

        var posts = await PostsAsync(paid.IconsId);
        posts.Single(p => p.Author.Id == paid.Buyer.Id).Author.Badges.ShouldContain(ForumBadges.VerifiedBuyer);
        posts.Single(p => p.Author.Id == bystander.Id).Author.Badges.ShouldNotContain(ForumBadges.VerifiedBuyer);
        posts.Single(p => p.Author.Id == paid.Glyphs.Owner.Id).Author.Badges.ShouldBe([ForumBadges.Seller]);
        var page = await SendAsync(s => s.Get.Url($"/forum/threads/{paid.IconsId}"));
        page.ReadAsText().Split(ForumBadges.VerifiedBuyer).Length.ShouldBe(2);
    }

    [Fact]
    public async Task The_badge_is_only_for_the_product_bought_and_goes_when_its_entitlement_is_revoked()
    {
        var paid = await PaidTwoShopOrderAsync();
        var other = await ProductOfAsync(paid.Glyphs, "Unbought Fonts", 700);
        await SupportThreadAsync(paid.IconsId);
        await SupportThreadAsync(other.Id);
        await ReplyAsync(paid.Buyer, paid.IconsId, "Thanks for the icons.");
        await ReplyAsync(paid.Buyer, other.Id, "Thinking of buying these too.");
        (await PostsAsync(other.Id)).Single(p => p.Author.Id == paid.Buyer.Id).Author.Badges.ShouldBeEmpty();

        await using (var session = Host.DocumentStore().LightweightSession())
        {
            var entitlement = await session.Query<Entitlement>().SingleAsync(e => e.BuyerId == paid.Buyer.Id && e.ProductId == paid.IconsId);
            entitlement.State = EntitlementState.Revoked;
            session.Store(entitlement);
            await session.SaveChangesAsync();
        }

        (await PostsAsync(paid.IconsId)).Single(p => p.Author.Id == paid.Buyer.Id).Author.Badges.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_buyers_new_post_reaches_the_threads_live_readers_with_the_badge()
    {
        var paid = await PaidTwoShopOrderAsync();
        var bystander = await BuyerAsync();
        await SupportThreadAsync(paid.IconsId);
        await using var reader = await HubClient.ConnectAsync(Host);
        await reader.JoinAsync(paid.IconsId, afterSeq: 1);

        await ReplyAsync(paid.Buyer, paid.IconsId, "Bought it, love it.");
        await ReplyAsync(bystander, paid.IconsId, "Still deciding.");

        await HubClient.EventuallyAsync(() => reader.Posts.Any(p => p.Author.Id == bystander.Id));
        reader.Posts.First(p => p.Author.Id == paid.Buyer.Id).Author.Badges.ShouldContain(ForumBadges.VerifiedBuyer);
        reader.Posts.First(p => p.Author.Id == bystander.Id).Author.Badges.ShouldBeEmpty();
    }

    [Fact]
    public async Task Posts_already_on_screen_gain_the_badge_when_the_payment_lands_and_lose_it_after_the_line_is_refunded()
    {
        var cart = await TwoShopCartAsync();
        await SupportThreadAsync(cart.Icons.Id);
        await ReplyAsync(cart.Buyer, cart.Icons.Id, "Does this include SVGs?");
        await using var reader = await HubClient.ConnectAsync(Host);
        await reader.JoinAsync(cart.Icons.Id, afterSeq: 0);
        await HubClient.EventuallyAsync(() => reader.Posts.Any(p => p.Author.Id == cart.Buyer.Id));
        reader.Posts.First(p => p.Author.Id == cart.Buyer.Id).Author.Badges.ShouldNotContain(ForumBadges.VerifiedBuyer);

        var checkout = await CheckoutAsync(cart.Buyer);
        await PayAsync(checkout);

        await HubClient.EventuallyAsync(() => !reader.BadgeSignals.IsEmpty, 60);
        reader.BadgeSignals.ShouldHaveSingleItem().ShouldBe(new AuthorBadge(cart.Icons.Id, cart.Buyer.Id, ForumBadges.VerifiedBuyer, On: true));
        var order = await FulfilledAsync(checkout.OrderId);

        await AsUserAsync(cart.Glyphs.Owner.Token, s =>
        {
            s.Post.Json(new { lines = new[] { order.Lines.Single(l => l.ProductId == cart.Icons.Id).Number }, reason = "Wrong format." })
                .ToUrl($"/api/orders/{order.Id}/refunds");
            s.StatusCodeShouldBe(202);
        });

        await HubClient.EventuallyAsync(() => reader.BadgeSignals.Count == 2, 60);
        reader.BadgeSignals.Last().ShouldBe(new AuthorBadge(cart.Icons.Id, cart.Buyer.Id, ForumBadges.VerifiedBuyer, On: false));
        (await PostsAsync(cart.Icons.Id)).Single(p => p.Author.Id == cart.Buyer.Id).Author.Badges.ShouldNotContain(ForumBadges.VerifiedBuyer);
    }

    [Fact]
    public async Task A_refund_of_another_line_leaves_the_badge_on_and_tells_nobody()
    {
        var paid = await PaidTwoShopOrderAsync();
        await SupportThreadAsync(paid.IconsId);
        await ReplyAsync(paid.Buyer, paid.IconsId, "Lovely icons.");
        await SupportThreadAsync(paid.TexturesId);
        await using var reader = await HubClient.ConnectAsync(Host);
        await reader.JoinAsync(paid.IconsId, afterSeq: 0);
        await using var texturesReader = await HubClient.ConnectAsync(Host);
        await texturesReader.JoinAsync(paid.TexturesId, afterSeq: 0);

        await AsUserAsync(paid.Paper.Owner.Token, s =>
        {
            s.Post.Json(new { reason = "Duplicate purchase." }).ToUrl($"/api/orders/{paid.Order.Id}/refunds");
            s.StatusCodeShouldBe(403);
        });
        await AsUserAsync(paid.Paper.Owner.Token, s =>
        {
            s.Post.Json(new { lines = new[] { paid.Order.Lines.Single(l => l.ProductId == paid.TexturesId).Number }, reason = "Duplicate purchase." })
                .ToUrl($"/api/orders/{paid.Order.Id}/refunds");
            s.StatusCodeShouldBe(202);
        });
        // The refund's one message about the buyer's entitlements reaches the textures thread, and nothing else.
        await HubClient.EventuallyAsync(() => !texturesReader.BadgeSignals.IsEmpty, 60);
        texturesReader.BadgeSignals.ShouldHaveSingleItem().On.ShouldBeFalse();
        await reader.RoundTripAsync();

        reader.BadgeSignals.ShouldBeEmpty();
        (await PostsAsync(paid.IconsId)).Single(p => p.Author.Id == paid.Buyer.Id).Author.Badges.ShouldContain(ForumBadges.VerifiedBuyer);
    }

    private Task<ForumThread> SupportThreadAsync(Guid productId) =>
        Eventually.ValueAsync(async () => (await QueryAsync(q => q.LoadAsync<ForumThread>(productId)))!, thread => thread is not null);

    private Task ReplyAsync(Member member, Guid threadId, string body) => AsUserAsync(member.Token, s =>
    {
        s.Post.Json(new { body }).ToUrl($"/api/forum/threads/{threadId}/posts");
        s.StatusCodeShouldBe(201);
    });

    private async Task<IReadOnlyList<PostView>> PostsAsync(Guid threadId) =>
        (await SendAsync(s => s.Get.Url($"/api/forum/threads/{threadId}"))).ReadAsJson<Threads.Detail>()!.Posts;
}
