using Marketplace.Features.Orders;
using Marketplace.Features.Sales;
using Marketplace.Tests.Features.Orders;
using Marten;

namespace Marketplace.Tests.Features.Sales;

/// <summary>What sales tests share: a two-shop order paid on the sandbox, the shops' sales read through the API.</summary>
public abstract class SalesTest(AppFixture fixture) : OrdersTest(fixture)
{
    public sealed record PaidTwoShopOrder(Seller Glyphs, Seller Paper, Member Buyer, Order Order, Guid IconsId, Guid TexturesId);

    /// <summary>Icons (15.00) and Brushes (9.99) of Glyph Foundry and Textures (22.50) of Paper Mill, paid at once.</summary>
    protected async Task<PaidTwoShopOrder> PaidTwoShopOrderAsync()
    {
        var (glyphs, paper, buyer, icons, _, textures) = await TwoShopCartAsync();

        var checkout = await CheckoutAsync(buyer);
        await PayAsync(checkout);
        return new PaidTwoShopOrder(glyphs, paper, buyer, await FulfilledAsync(checkout.OrderId), icons.Id, textures.Id);
    }

    protected async Task<GetShopSales.Response> SalesAsync(Member caller, Guid shopId, string query = "") =>
        (await AsUserAsync(caller.Token, s =>
        {
            s.Get.Url($"/api/shops/{shopId}/sales{query}");
            s.StatusCodeShouldBe(200);
        })).ReadAsJson<GetShopSales.Response>()!;

    /// <summary>Appends events to an order's stream as the refunds and disputes flows do.</summary>
    protected async Task AppendAsync(Guid orderId, params object[] events)
    {
        await using var session = Host.DocumentStore().LightweightSession();
        session.Events.Append(orderId, events);
        await session.SaveChangesAsync();
    }
}
