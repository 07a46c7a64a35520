using Marketplace.Features.Payouts;
using Marketplace.Features.Shops;
using Marten;

namespace Marketplace.Features.Catalog;

/// <summary>What a product needs before visitors can buy it; the API's 409, the seller's view and the editor page say the same.</summary>
public static class ProductPublishing
{
    public const string Payouts = "payouts";
    public const string Files = "files";
    public const string ShopActive = "shop";
    public const string TakenDown = "takedown";

    /// <summary>The missing things, by key, each with a sentence for the seller; empty when the product may be published.</summary>
    public static IReadOnlyDictionary<string, string> Missing(Product product, Shop shop, ShopPayoutAccount? payouts)
    {
        var missing = new Dictionary<string, string>(StringComparer.Ordinal);
        if (product.Takedown is { } takedown)
        {
            missing[TakenDown] = $"A moderator took this product down: {takedown.Reason} Write to the team from the contact page to appeal.";
        }

        if (shop.Status != ShopStatus.Active)
        {
            missing[ShopActive] = $"The shop is {shop.Status.ToString().ToLowerInvariant()}; its products cannot be published.";
        }
        else if (!ShopPublishing.Allowed(shop, payouts))
        {
            missing[Payouts] = "Finish payouts onboarding: Stripe must let the shop take payments and pay out before it sells.";
        }

        if (product.Files.Count == 0)
        {
            missing[Files] = "Upload at least one file: it is what buyers get.";
        }

        return missing;
    }

    public static async Task<IReadOnlyDictionary<string, string>> MissingAsync(IQuerySession session, Product product, Shop shop, CancellationToken ct) =>
        Missing(product, shop, await session.LoadAsync<ShopPayoutAccount>(shop.Id, ct));

    /// <summary>The endpoints' answer to a use case's outcome: the seller's view of the changed product, or 404 when it is gone.</summary>
    public static async Task<IResult> SellerViewOrNotFoundAsync(ProductAccess.Outcome outcome, IQuerySession session, CancellationToken ct) =>
        outcome.Managed is { } changed ? TypedResults.Ok(await SellerViewAsync(session, changed.Product, changed.Shop, ct)) : ProductProblems.NotFound();

    public static async Task<ProductView> SellerViewAsync(IQuerySession session, Product product, Shop shop, CancellationToken ct) =>
        ProductView.ForSeller(product, shop, [.. (await MissingAsync(session, product, shop, ct)).Keys]);
}
