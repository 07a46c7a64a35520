using Marketplace.Features.Shops;
using Marketplace.Infrastructure.Payments;
using Marten;
using Stripe;

namespace Marketplace.Features.Payouts;

/// <summary>The shop's payout status: what Stripe last told us of the account, plus its live balance and recent payouts.</summary>
public static class GetPayouts
{
    public sealed record BalanceView(IReadOnlyList<Money> Available, IReadOnlyList<Money> Pending);

    public sealed record PayoutView(string Id, Money Amount, string Status, DateTimeOffset CreatedAt, DateTimeOffset ArrivalDate, string? FailureMessage);

    public sealed record Response(
        string? AccountId, bool ChargesEnabled, bool PayoutsEnabled, bool DetailsSubmitted, IReadOnlyList<string> RequirementsDue,
        string? DisabledReason, bool Deauthorized, bool CanPublish, BalanceView? Balance, IReadOnlyList<PayoutView> RecentPayouts,
        DateTimeOffset? SyncedAt, bool StripeReachable);

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("", HandleAsync).WithName("GetPayouts")
            .WithSummary("Charges and payouts enabled, requirements due, balance and recent payouts (owner or admin).")
            .Produces<Response>().ProducesProblem(StatusCodes.Status404NotFound);

    public static async Task<IResult> HandleAsync(Guid shopId, IQuerySession session, IStripeClient stripe, HttpContext http)
    {
        var shop = await ShopAccess.ManagedAsync(session, shopId, http.User, http.RequestAborted);
        return shop is null || shop.Status == ShopStatus.Closed
            ? ShopProblems.NotFound()
            : TypedResults.Ok(await ExecuteAsync(shop, session, stripe, http.RequestAborted));
    }

    public static async Task<Response> ExecuteAsync(Shop shop, IQuerySession session, IStripeClient stripe, CancellationToken ct)
    {
        var payoutAccount = await session.LoadAsync<ShopPayoutAccount>(shop.Id, ct);
        BalanceView? balance = null;
        var reachable = true;
        if (payoutAccount is { Deauthorized: false })
        {
            try
            {
                var live = await new BalanceService(stripe).GetAsync(new RequestOptions { StripeAccount = payoutAccount.AccountId }, ct);
                balance = new BalanceView([.. live.Available.Select(b => new Money(b.Amount, b.Currency))], [.. live.Pending.Select(b => new Money(b.Amount, b.Currency))]);
            }
            catch (Exception e) when (e is StripeException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                reachable = false;
            }
        }

        var payouts = await session.Query<ShopPayout>().Where(p => p.ShopId == shop.Id).OrderByDescending(p => p.CreatedAt).Take(10).ToListAsync(ct);
        return new Response(
            payoutAccount?.AccountId, payoutAccount?.ChargesEnabled ?? false, payoutAccount?.PayoutsEnabled ?? false, payoutAccount?.DetailsSubmitted ?? false, payoutAccount?.RequirementsDue ?? [],
            payoutAccount?.DisabledReason, payoutAccount?.Deauthorized ?? false, ShopPublishing.Allowed(shop, payoutAccount), balance,
            [.. payouts.Select(p => new PayoutView(p.Id, new Money(p.Amount, p.Currency), p.Status, p.CreatedAt, p.ArrivalDate, p.FailureMessage))],
            payoutAccount?.SyncedAt, reachable);
    }
}
