using Marketplace.Features.Accounts;

namespace Marketplace.Tests.Features.Downloads.Library;

/// <summary>
/// The downloads' role matrix: the library and its links are the buyer's alone. Anyone signed in has a library (their
/// own); a link to a purchase is the 404 of nothing to everyone but its buyer, staff included; anonymous callers get
/// 401. The download itself needs no sign-in (the signed link is the right), but a signed-in member who is not its buyer is refused.
/// </summary>
public sealed class LibraryAuthorizationTests(AppFixture fixture) : DownloadsTest(fixture)
{
    public enum Caller
    {
        Anonymous,
        OtherBuyer,
        Seller,
        Moderator,
        Admin,
        Buyer,
    }

    [Theory]
    [InlineData(Caller.Anonymous, 401, 401, 200)]
    [InlineData(Caller.OtherBuyer, 200, 404, 403)]
    [InlineData(Caller.Seller, 200, 404, 403)]
    [InlineData(Caller.Moderator, 200, 404, 403)]
    [InlineData(Caller.Admin, 200, 404, 403)]
    [InlineData(Caller.Buyer, 200, 200, 200)]
    public async Task Each_caller_gets_exactly_the_answers_of_their_role(Caller caller, int library, int link, int download)
    {
        var purchase = await PurchaseAsync();
        var signed = await LinkOfAsync(purchase);
        var token = caller switch
        {
            Caller.Anonymous => null,
            Caller.Buyer => purchase.Buyer.Token,
            Caller.Seller => purchase.Seller.Owner.Token,
            Caller.OtherBuyer => (await BuyerAsync()).Token,
            Caller.Moderator => (await MemberAsync("moderator", Roles.Moderator)).Token,
            _ => (await MemberAsync("admin", Roles.Admin)).Token,
        };

        int[] answers =
        [
            await ApiStatusAsync(token, s => s.Get.Url("/api/library")),
            await ApiStatusAsync(token, s => s.Post.Url($"/api/library/{purchase.EntitlementId}/files/{purchase.FileId}/link")),
            await ApiStatusAsync(token, s => s.Get.Url(signed)),
        ];

        answers.ShouldBe([library, link, download]);
    }
}
