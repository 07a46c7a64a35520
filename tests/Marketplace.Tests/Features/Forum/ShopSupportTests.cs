using Marketplace.Features.Forum;
using Marketplace.Tests.Features.Shops;
using Wolverine.Tracking;

namespace Marketplace.Tests.Features.Forum;

public sealed class ShopSupportTests(AppFixture fixture) : ShopsTest(fixture)
{
    [Fact]
    public async Task A_new_shop_gets_a_support_category_where_its_owner_posts_as_the_seller()
    {
        var owner = await MemberAsync("seller");
        var buyer = await MemberAsync("buyer");
        var shop = await OpenShopAndWaitAsync(owner);

        var category = (await QueryAsync(q => q.LoadAsync<ForumCategory>(shop.Id)))!;
        category.Slug.ShouldBe($"shop-{shop.Slug}");
        category.SellerId.ShouldBe(owner.Id);

        var question = await AsUserAsync(buyer.Token, s =>
        {
            s.Post.Json(new { title = "Does it include the italics?", body = "Asking before I buy." }).ToUrl($"/api/forum/categories/{category.Id}/threads");
            s.StatusCodeShouldBe(201);
        });
        var threadId = question.ReadAsJson<Threads.Started>()!.ThreadId;
        await AsUserAsync(owner.Token, s =>
        {
            s.Post.Json(new { body = "Yes: all eight weights and their italics." }).ToUrl($"/api/forum/threads/{threadId}/posts");
            s.StatusCodeShouldBe(201);
        });

        var thread = (await SendAsync(s => s.Get.Url($"/api/forum/threads/{threadId}"))).ReadAsJson<Threads.Detail>()!;
        thread.Posts.Single(p => p.Seq == 1).Author.Badges.ShouldBeEmpty();
        thread.Posts.Single(p => p.Seq == 2).Author.Badges.ShouldBe([ForumBadges.Seller]);
    }

    [Fact]
    public async Task The_owners_posts_elsewhere_carry_no_seller_badge()
    {
        var owner = await MemberAsync("seller");
        await OpenShopAndWaitAsync(owner);
        var general = new ForumCategory { Id = Guid.NewGuid(), Slug = "general", Name = "General", CreatedAt = DateTimeOffset.UtcNow };
        await StoreAsync(general);

        var started = await AsUserAsync(owner.Token, s =>
        {
            s.Post.Json(new { title = "Hello", body = "New here, I make fonts." }).ToUrl($"/api/forum/categories/{general.Id}/threads");
            s.StatusCodeShouldBe(201);
        });

        var thread = (await SendAsync(s => s.Get.Url($"/api/forum/threads/{started.ReadAsJson<Threads.Started>()!.ThreadId}"))).ReadAsJson<Threads.Detail>()!;
        thread.Posts.Single().Author.Badges.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_forum_index_lists_shop_support_apart_from_the_community_categories()
    {
        var shop = await OpenShopAndWaitAsync(await MemberAsync("seller"));
        await StoreAsync(new ForumCategory { Id = Guid.NewGuid(), Slug = "general", Name = "General chat", CreatedAt = DateTimeOffset.UtcNow });

        var html = (await SendAsync(s => s.Get.Url("/forum"))).ReadAsText();

        var shopSupport = html[html.IndexOf("id=\"shop-support-heading\"", StringComparison.Ordinal)..];
        shopSupport.ShouldContain($"href=\"/forum/shop-{shop.Slug}\"");
        shopSupport.ShouldNotContain("General chat");
        html[..html.IndexOf("id=\"shop-support-heading\"", StringComparison.Ordinal)].ShouldContain("General chat");
    }

    [Fact]
    public async Task When_the_shop_closes_its_support_category_keeps_its_threads_but_takes_no_new_posts()
    {
        var owner = await MemberAsync("seller");
        var buyer = await MemberAsync("buyer");
        var shop = await OpenShopAndWaitAsync(owner);
        var question = await AsUserAsync(buyer.Token, s =>
        {
            s.Post.Json(new { title = "Is there a variable version?", body = "Asking before I buy." }).ToUrl($"/api/forum/categories/{shop.Id}/threads");
            s.StatusCodeShouldBe(201);
        });
        var threadId = question.ReadAsJson<Threads.Started>()!.ThreadId;

        await Host.ExecuteAndWaitAsync(() => AsUserAsync(owner.Token, s =>
        {
            s.Post.Json(new { password = Password }).ToUrl("/api/account/delete");
            s.StatusCodeShouldBe(204);
        }), 30_000);

        (await QueryAsync(q => q.LoadAsync<ForumCategory>(shop.Id)))!.ReadOnly.ShouldBeTrue();
        var refused = await AsUserAsync(buyer.Token, s =>
        {
            s.Post.Json(new { body = "Hello? Anyone?" }).ToUrl($"/api/forum/threads/{threadId}/posts");
            s.StatusCodeShouldBe(403);
        });
        Problem(refused).GetProperty("title").GetString().ShouldBe("Only moderators post in this category.");
        var thread = (await SendAsync(s => s.Get.Url($"/api/forum/threads/{threadId}"))).ReadAsJson<Threads.Detail>()!;
        thread.Posts.Select(p => p.Seq).ShouldBe([1L]);
    }

    private async Task<Marketplace.Features.Shops.ShopView> OpenShopAndWaitAsync(Member owner)
    {
        Marketplace.Features.Shops.ShopView? shop = null;
        await Host.ExecuteAndWaitAsync(async () => shop = await OpenShopAsync(owner), 30_000);
        return shop!;
    }

    [Theory]
    [InlineData("shop-glyph-foundry")]
    [InlineData("notifications")]
    public async Task Admins_cannot_take_an_address_kept_for_shop_support_or_forum_pages(string slug)
    {
        var admin = await MemberAsync("admin", Marketplace.Features.Accounts.Roles.Admin);

        var result = await AsUserAsync(admin.Token, s =>
        {
            s.Post.Json(new { name = "Sneaky", slug, description = "", position = 1, readOnly = false }).ToUrl("/api/forum/categories");
            s.StatusCodeShouldBe(400);
        });

        Problem(result).GetProperty("errors").GetProperty("slug")[0].GetString()!.ShouldContain("reserved");
        (await QueryAsync(q => Marten.QueryableExtensions.CountAsync(q.Query<ForumCategory>()))).ShouldBe(0);
    }
}
