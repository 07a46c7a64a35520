namespace Marketplace.Tests.Features.Downloads.Library;

/// <summary>The buyer's library: every purchase with its files, the downloads left and the state of each copy.</summary>
public sealed class LibraryTests(AppFixture fixture) : DownloadsTest(fixture)
{
    [Fact]
    public async Task The_library_lists_each_purchase_with_its_files_downloads_left_and_copy_state()
    {
        var purchase = await PurchaseAsync(downloadLimit: 3);
        await CopyMadeAsync(purchase);

        var item = (await LibraryAsync(purchase.Buyer)).ShouldHaveSingleItem();

        (item.EntitlementId, item.OrderId, item.ProductId, item.State, item.Title).ShouldBe(
            (purchase.EntitlementId, purchase.OrderId, purchase.ProductId, "active", "Hand-drawn Icons"));
        var file = item.Files.ShouldHaveSingleItem();
        (file.FileId, file.Name, file.DownloadLimit, file.RemainingDownloads, file.Copy).ShouldBe((purchase.FileId, "icons.zip", 3, 3, "ready"));
        file.LinkUrl.ShouldBe($"/api/library/{purchase.EntitlementId}/files/{purchase.FileId}/link");
    }

    [Fact]
    public async Task A_two_shop_order_puts_three_purchases_in_the_library_each_preparing_or_ready()
    {
        var paid = await PaidTwoShopOrderAsync();

        var library = await LibraryAsync(paid.Buyer);

        library.Select(i => i.ProductId).ShouldBe([paid.Icons, paid.Brushes, paid.Textures], ignoreOrder: true);
        library.SelectMany(i => i.Files).ShouldAllBe(f => f.Copy == "preparing" || f.Copy == "ready");
        await Eventually.ValueAsync(() => LibraryAsync(paid.Buyer), l => l.SelectMany(i => i.Files).All(f => f.Copy == "ready"), 60);
    }

    [Fact]
    public async Task A_new_buyer_has_an_empty_library() => (await LibraryAsync(await BuyerAsync())).ShouldBeEmpty();

    [Fact]
    public async Task Asking_twice_at_once_for_a_link_to_a_copy_not_made_yet_asks_for_the_copy_once()
    {
        var purchase = await PurchaseAsync();
        await CopyMadeAsync(purchase);
        await StoreAsync(new Marketplace.Features.Downloads.Copies.BuyerCopy
        {
            Id = purchase.CopyId, EntitlementId = purchase.EntitlementId, FileId = purchase.FileId, BuyerId = purchase.Buyer.Id,
            State = Marketplace.Features.Downloads.Copies.CopyState.Preparing, SourceRevision = 0, RequestedAt = DateTimeOffset.UtcNow,
        });

        var links = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => LinkAsync(purchase.Buyer, purchase.EntitlementId, purchase.FileId)));

        links.ShouldAllBe(l => l.ReadAsJson<Marketplace.Features.Downloads.Links.IssueDownloadLink.Response>()!.Url.Contains("/downloads/"));
        var copy = await CopyMadeAsync(purchase);
        copy.SourceRevision.ShouldBe(1);
        await MessagesSettledAsync();
        (await LibraryAsync(purchase.Buyer)).Single().Files.Single().Copy.ShouldBe("ready");
    }

    public static TheoryData<string> HostileLinkRequests => new()
    {
        "/api/library/not-a-guid/files/00000000-0000-0000-0000-000000000000/link",
        "/api/library/00000000-0000-0000-0000-000000000000/files/%01/link",
        "/api/library/00000000-0000-0000-0000-000000000000/files/00000000-0000-0000-0000-000000000000/link",
        "/api/library/" + new string('9', 3000) + "/files/x/link",
    };

    [Theory]
    [MemberData(nameof(HostileLinkRequests))]
    public async Task A_link_request_for_nothing_real_is_a_404_and_changes_nothing(string url)
    {
        var buyer = await BuyerAsync();

        var answer = await AsUserAsync(buyer.Token, s =>
        {
            s.Post.Json(new { junk = "\u0000" }).ToUrl(url);
            s.StatusCodeShouldBe(404);
        });

        answer.Context.Response.StatusCode.ShouldBe(404);
        await MessagesSettledAsync();
    }
}
