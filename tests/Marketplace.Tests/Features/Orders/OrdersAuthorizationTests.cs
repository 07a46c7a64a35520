using Marketplace.Features.Accounts;

namespace Marketplace.Tests.Features.Orders;

/// <summary>
/// The orders' role matrix, API and pages: a cart and orders are their buyer's own. Anyone signed in has a cart and may
/// buy (a seller not from their own shop); an order is read by its buyer alone, and is a 404 to everyone else, staff
/// included (admins read orders through the order search, see SalesAuthorizationTests). Anonymous callers get 401 from the API and the sign-in page.
/// </summary>
public sealed class OrdersAuthorizationTests(AppFixture fixture) : OrdersTest(fixture)
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
    [InlineData(Caller.Anonymous, 401, 401, 401, 401, 401, 401)]
    [InlineData(Caller.OtherBuyer, 200, 200, 200, 200, 200, 404)]
    [InlineData(Caller.Seller, 409, 200, 409, 200, 200, 404)]
    [InlineData(Caller.Moderator, 200, 200, 200, 200, 200, 404)]
    [InlineData(Caller.Admin, 200, 200, 200, 200, 200, 404)]
    [InlineData(Caller.Buyer, 200, 200, 200, 200, 200, 200)]
    public async Task Each_caller_gets_exactly_the_answers_of_their_role(Caller caller, int add, int cart, int checkout, int remove, int list, int get)
    {
        var (seller, productId, buyer, orderId) = await PlacedOrderAsync();
        var token = (await CallerAsync(caller, seller, buyer))?.Token;

        int[] answers =
        [
            await ApiStatusAsync(token, s => s.Post.Json(new { productId, quantity = 1 }).ToUrl("/api/cart/items")),
            await ApiStatusAsync(token, s => s.Get.Url("/api/cart")),
            await ApiStatusAsync(token, s => s.Post.Url("/api/checkout")),
            await ApiStatusAsync(token, s => s.Delete.Url($"/api/cart/items/{productId}")),
            await ApiStatusAsync(token, s => s.Get.Url("/api/orders")),
            await ApiStatusAsync(token, s => s.Get.Url($"/api/orders/{orderId}")),
        ];

        answers.ShouldBe([add, cart, checkout, remove, list, get]);
    }

    [Theory]
    [InlineData(Caller.Anonymous, 302, 302, 302, 302)]
    [InlineData(Caller.OtherBuyer, 200, 200, 404, 404)]
    [InlineData(Caller.Seller, 200, 200, 404, 404)]
    [InlineData(Caller.Moderator, 200, 200, 404, 404)]
    [InlineData(Caller.Admin, 200, 200, 404, 404)]
    [InlineData(Caller.Buyer, 200, 200, 200, 200)]
    public async Task Each_caller_gets_the_order_pages_of_their_role(Caller caller, int cartPage, int ordersPage, int orderPage, int orderStatus)
    {
        var (seller, _, buyer, orderId) = await PlacedOrderAsync();
        var member = await CallerAsync(caller, seller, buyer);
        var cookie = member is null ? null : await SignInCookieAsync(member.Email);

        int[] answers =
        [
            await PageStatusAsync(cookie, "/cart"),
            await PageStatusAsync(cookie, "/orders"),
            await PageStatusAsync(cookie, $"/orders/{orderId}"),
            await PageStatusAsync(cookie, $"/orders/{orderId}?handler=status"),
        ];

        answers.ShouldBe([cartPage, ordersPage, orderPage, orderStatus]);
    }

    [Fact]
    public async Task A_buyer_reading_another_buyers_order_gets_the_same_404_as_for_no_order()
    {
        var (_, _, _, orderId) = await PlacedOrderAsync();
        var other = await BuyerAsync();

        var theirs = await AsUserAsync(other.Token, s => { s.Get.Url($"/api/orders/{orderId}"); s.StatusCodeShouldBe(404); });
        var none = await AsUserAsync(other.Token, s => { s.Get.Url($"/api/orders/{Guid.NewGuid()}"); s.StatusCodeShouldBe(404); });

        theirs.ReadAsJson<System.Text.Json.JsonElement>().GetProperty("title").GetString()
            .ShouldBe(none.ReadAsJson<System.Text.Json.JsonElement>().GetProperty("title").GetString());
        (await AsUserAsync(other.Token, s => s.Get.Url("/api/orders"))).ReadAsJson<object[]>()!.ShouldBeEmpty();
    }

    private async Task<(Seller Seller, Guid ProductId, Member Buyer, Guid OrderId)> PlacedOrderAsync()
    {
        var seller = await SellerReadyToSellAsync();
        var product = await ProductOfAsync(seller, "Icons", 1500);
        var buyer = await BuyerAsync();
        await AddAsync(buyer, product.Id);
        var checkout = await CheckoutAsync(buyer);
        return (seller, product.Id, buyer, checkout.OrderId);
    }

    private async Task<Member?> CallerAsync(Caller caller, Seller seller, Member buyer) => caller switch
    {
        Caller.Anonymous => null,
        Caller.Buyer => buyer,
        Caller.Seller => seller.Owner,
        Caller.OtherBuyer => await BuyerAsync(),
        Caller.Moderator => await MemberAsync("moderator", Roles.Moderator),
        _ => await MemberAsync("admin", Roles.Admin),
    };

}
