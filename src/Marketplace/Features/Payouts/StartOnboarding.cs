using Marketplace.Features.Shops;
using Marketplace.Infrastructure.Web;
using Marten;
using Stripe;

namespace Marketplace.Features.Payouts;

/// <summary>
/// A fresh, single-use Stripe onboarding link for the shop; the first call creates the connected account. The link
/// returns to <c>/shop/payouts/return</c>, and an expired one to <c>/shop/payouts/refresh</c>, which makes a new one.
/// </summary>
public static class StartOnboarding
{
    public sealed record Response(string Url, DateTimeOffset ExpiresAt, string AccountId);

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/onboarding", HandleAsync).WithName("StartPayoutsOnboarding")
            .WithSummary("A fresh Stripe account link (account_onboarding); creates the connected account on the first call.")
            .Produces<Response>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    public static async Task<IResult> HandleAsync(Guid shopId, IDocumentSession session, ConnectedAccounts accounts, HttpContext http)
    {
        var shop = await ShopAccess.ManagedAsync(session, shopId, http.User, http.RequestAborted);
        if (shop is null || shop.Status == ShopStatus.Closed)
        {
            return ShopProblems.NotFound();
        }

        if (await session.LoadAsync<ShopPayoutAccount>(shop.Id, http.RequestAborted) is { Deauthorized: true })
        {
            return PayoutProblems.Disconnected();
        }

        try
        {
            var link = await ExecuteAsync(shop, accounts, PublicUrl.Of(http), http.RequestAborted);
            return TypedResults.Ok(link);
        }
        catch (StripeException e)
        {
            return PayoutProblems.FromStripe(e);
        }
    }

    public static async Task<Response> ExecuteAsync(Shop shop, ConnectedAccounts accounts, string siteUrl, CancellationToken ct)
    {
        var accountId = await accounts.EnsureAccountAsync(shop, ct);
        var link = await accounts.OnboardingLinkAsync(accountId, siteUrl, ct);
        return new Response(link.Url, link.ExpiresAt, accountId);
    }
}
