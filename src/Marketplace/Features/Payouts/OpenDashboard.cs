using Marketplace.Features.Shops;
using Marten;
using Stripe;

namespace Marketplace.Features.Payouts;

/// <summary>A single-use login link to the shop's Stripe Express dashboard.</summary>
public static class OpenDashboard
{
    public sealed record Response(string Url);

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/dashboard", HandleAsync).WithName("OpenExpressDashboard")
            .WithSummary("A login link to the shop's Stripe Express dashboard. 409 before onboarding has started.")
            .Produces<Response>().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    public static async Task<IResult> HandleAsync(Guid shopId, IQuerySession session, ConnectedAccounts accounts, HttpContext http)
    {
        var shop = await ShopAccess.ManagedAsync(session, shopId, http.User, http.RequestAborted);
        if (shop is null || shop.Status == ShopStatus.Closed)
        {
            return ShopProblems.NotFound();
        }

        var payoutAccount = await session.LoadAsync<ShopPayoutAccount>(shop.Id, http.RequestAborted);
        if (payoutAccount is null)
        {
            return PayoutProblems.NotOnboarded();
        }

        if (payoutAccount.Deauthorized)
        {
            return PayoutProblems.Disconnected();
        }

        try
        {
            return TypedResults.Ok(new Response(await accounts.DashboardLinkAsync(payoutAccount.AccountId, http.RequestAborted)));
        }
        catch (StripeException e)
        {
            return PayoutProblems.FromStripe(e);
        }
    }
}
