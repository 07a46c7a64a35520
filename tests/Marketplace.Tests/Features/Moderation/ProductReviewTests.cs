using Marketplace.Features.Accounts;
using Marketplace.Features.Catalog;
using Marketplace.Features.Moderation;
using Marten;

namespace Marketplace.Tests.Features.Moderation;

/// <summary>New shops' first products await a moderator's approval (<c>Moderation:ReviewFirstProducts</c>, 1 here).</summary>
public sealed class ProductReviewTests(AppFixture fixture) : ModerationQueueTest(fixture)
{
    [Fact]
    public async Task A_new_shops_first_product_awaits_review_out_of_the_catalog_and_enters_it_when_a_moderator_approves()
    {
        var (seller, product) = await AwaitingReviewAsync("Review Icons");
        var (moderator, other) = (await MemberAsync("moderator", Roles.Moderator), await MemberAsync("other", Roles.Moderator));

        product.Status.ShouldBe("awaiting-review");
        product.Seller!.Review!.ShouldStartWith("Awaiting review");
        (await ApiStatusAsync(null, s => s.Get.Url($"/api/products/{product.Id}"))).ShouldBe(404);
        Titles(await SearchAsync("q=Review")).ShouldBeEmpty();
        var item = (await QueueAsync(moderator.Token)).Items.ShouldHaveSingleItem();
        (item.Id, item.Kind, item.Product!.Title, item.Product.Status).ShouldBe((ItemOf(product), QueueKinds.Review, "Review Icons", "awaiting-review"));
        item.Product.Files.ShouldHaveSingleItem().Name.ShouldBe("icons.zip");

        (await ApiStatusAsync(moderator.Token, s => s.Post.Url($"{Queue}/{item.Id}/claim"))).ShouldBe(200);
        (await ApiStatusAsync(other.Token, s => s.Post.Url($"{Queue}/{item.Id}/claim"))).ShouldBe(409);
        (await ResolveStatusAsync(other.Token, item.Id, new { outcome = "approved" })).ShouldBe(409);
        (await ResolveStatusAsync(moderator.Token, item.Id, new { outcome = "approved" })).ShouldBe(200);

        (await ApiStatusAsync(null, s => s.Get.Url($"/api/products/{product.Id}"))).ShouldBe(200);
        Titles(await SearchAsync("q=Review")).ShouldBe(["Review Icons"]);
        (await QueueAsync(moderator.Token)).Items.ShouldBeEmpty();
        (await AuditActionsAsync()).ShouldBe(["product.approve", "queue.approved"], ignoreOrder: true);
        await MessagesSettledAsync();
        (await MailsToAsync(seller.Owner.Email)).ShouldContain(m => m.Subject == "Review Icons is in the catalog");
        (await PublishedProductAsync(seller, Fields("Second Icons"))).Status.ShouldBe("published");
    }

    [Fact]
    public async Task A_rejected_product_is_a_draft_again_whose_seller_reads_why_and_publishing_it_again_asks_for_another_review()
    {
        var (seller, product) = await AwaitingReviewAsync();
        var moderator = await MemberAsync("moderator", Roles.Moderator);

        (await ResolveStatusAsync(moderator.Token, ItemOf(product), new { outcome = "rejected", reason = " " })).ShouldBe(400);
        (await ResolveStatusAsync(moderator.Token, ItemOf(product), new { outcome = "upheld", reason = "Wrong decision." })).ShouldBe(400);
        (await ResolveStatusAsync(moderator.Token, ItemOf(product), new { outcome = "rejected", reason = "The preview shows fonts you do not sell." })).ShouldBe(200);

        var rejected = await SellerViewAsync(seller, product.Id);
        rejected.Status.ShouldBe("draft");
        rejected.Seller!.Review!.ShouldContain("The preview shows fonts you do not sell.");
        Titles(await SearchAsync("q=Icons")).ShouldBeEmpty();
        (await AuditActionsAsync()).ShouldBe(["product.reject", "queue.rejected"], ignoreOrder: true);
        await MessagesSettledAsync();
        (await MailsToAsync(seller.Owner.Email)).ShouldContain(m => m.Subject == "Hand-drawn Icons was not approved" && m.Text.Contains("The preview shows fonts you do not sell."));
        (await PublishAsync(seller, product.Id)).Status.ShouldBe("awaiting-review");
        (await QueueAsync(moderator.Token)).Items.ShouldHaveSingleItem().Id.ShouldBe(ItemOf(product));
    }

    [Fact]
    public async Task Of_two_moderators_approving_and_rejecting_at_once_one_decides_and_the_other_is_told()
    {
        var (seller, product) = await AwaitingReviewAsync();
        var (first, second) = (await MemberAsync("first", Roles.Moderator), await MemberAsync("second", Roles.Moderator));

        var statuses = await Task.WhenAll(
            ResolveStatusAsync(first.Token, ItemOf(product), new { outcome = "approved" }),
            ResolveStatusAsync(second.Token, ItemOf(product), new { outcome = "rejected", reason = "Not ours to sell." }));

        statuses.Order().ShouldBe([200, 409]);
        var decided = await SellerViewAsync(seller, product.Id);
        decided.Status.ShouldBe(statuses[0] == 200 ? "published" : "draft");
        (await AuditActionsAsync()).Count(a => a.StartsWith("product.", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task Publishing_five_times_at_once_asks_for_one_review_and_a_rejection_with_a_control_character_changes_nothing()
    {
        Set<ModerationOptions, int>(o => o.ReviewFirstProducts, 1);
        var seller = await SellerReadyToSellAsync();
        var product = await CreateProductAsync(seller);
        await AttachFileAsync(seller, product.Id);
        var moderator = await MemberAsync("moderator", Roles.Moderator);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => ApiStatusAsync(seller.Owner.Token, s => s.Post.Url($"/api/products/{product.Id}/publish"))));

        statuses.ShouldAllBe(s => s == 200);
        (await QueryAsync(q => q.Query<QueueItem>().CountAsync())).ShouldBe(1);
        (await ResolveStatusAsync(moderator.Token, ItemOf(product), new { outcome = "rejected", reason = "Bad\u0000 preview." })).ShouldBe(400);
        (await SellerViewAsync(seller, product.Id)).Status.ShouldBe("awaiting-review");
        (await QueryAsync(q => q.Query<AuditEntry>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_product_its_seller_withdrew_from_review_is_not_approved_and_its_item_closes()
    {
        var (seller, product) = await AwaitingReviewAsync();
        var moderator = await MemberAsync("moderator", Roles.Moderator);
        await AsUserAsync(seller.Owner.Token, s => { s.Post.Url($"/api/products/{product.Id}/unpublish"); s.StatusCodeShouldBe(200); });

        (await ResolveStatusAsync(moderator.Token, ItemOf(product), new { outcome = "approved" })).ShouldBe(409);

        (await SellerViewAsync(seller, product.Id)).Status.ShouldBe("unpublished");
        (await QueueAsync(moderator.Token)).Items.ShouldBeEmpty();
        Titles(await SearchAsync("q=Icons")).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_seller_publishes_from_the_editor_and_reads_that_it_awaits_review_and_a_moderator_approves_it_from_the_moderation_page()
    {
        Set<ModerationOptions, int>(o => o.ReviewFirstProducts, 1);
        var seller = await SellerReadyToSellAsync();
        var product = await CreateProductAsync(seller);
        await AttachFileAsync(seller, product.Id);
        var sellerCookie = await SignInCookieAsync(seller.Owner.Email);

        (await PostEditorHandlerAsync(product.Id, "Publish", await EditorFormAsync(sellerCookie, product.Id))).Context.Response.StatusCode.ShouldBe(302);
        var editor = await (await SendAsync(s => { s.Get.Url($"/shop/products/{product.Id}"); s.WithRequestHeader("Cookie", sellerCookie); })).ReadAsTextAsync();
        editor.ShouldContain("Awaiting review: a moderator approves");
        editor.ShouldContain("Withdraw from review");

        var moderator = await MemberAsync("moderator", Roles.Moderator);
        var cookie = await SignInCookieAsync(moderator.Email);
        var page = await SendAsync(s => { s.Get.Url("/moderation"); s.WithRequestHeader("Cookie", cookie); });
        var html = await page.ReadAsTextAsync();
        html.ShouldContain("New shop&#x27;s product awaiting approval");
        html.ShouldContain("value=\"approved\"");
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var resolved = await SendAsync(s =>
        {
            s.Post.FormData(new() { ["itemId"] = QueueItem.IdOf(QueueKinds.Review, product.Id), ["outcome"] = "approved", ["reason"] = "", ["__RequestVerificationToken"] = token })
                .ToUrl("/moderation").QueryString("handler", "Resolve");
            s.WithRequestHeader("Cookie", $"{cookie}; {page.Context.Response.Headers.SetCookie.ToString().Split(';')[0]}");
        });

        (await resolved.ReadAsTextAsync()).ShouldContain("Resolved: approved.");
        (await SellerViewAsync(seller, product.Id)).Status.ShouldBe("published");
    }

    private static string ItemOf(ProductView product) => QueueItem.IdOf(QueueKinds.Review, product.Id);

    private async Task<(Seller Seller, ProductView Product)> AwaitingReviewAsync(string title = "Hand-drawn Icons")
    {
        Set<ModerationOptions, int>(o => o.ReviewFirstProducts, 1);
        var seller = await SellerReadyToSellAsync();
        return (seller, await PublishedProductAsync(seller, Fields(title)));
    }

    private async Task<ProductView> SellerViewAsync(Seller seller, Guid productId) =>
        (await AsUserAsync(seller.Owner.Token, s => s.Get.Url($"/api/products/{productId}/manage"))).ReadAsJson<ProductView>()!;

    private Task<List<string>> AuditActionsAsync() =>
        QueryAsync(async q => (await q.Query<AuditEntry>().Select(e => e.Action).ToListAsync()).ToList());
}
