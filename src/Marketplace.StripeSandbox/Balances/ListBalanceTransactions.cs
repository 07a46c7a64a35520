using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Balances;

/// <summary>
/// <c>GET /v1/balance_transactions</c> of the platform or the <c>Stripe-Account</c>: <c>type</c>, <c>source</c>,
/// <c>currency</c>, and <see cref="StripeList"/>'s paging and <c>created</c>. <c>payout</c> names an automatic
/// payout's transactions, and the sandbox makes no automatic payouts: it matches nothing.
/// </summary>
public static class ListBalanceTransactions
{
    private static readonly StripeListFilters<SandboxBalanceTransaction> Filters = new StripeListFilters<SandboxBalanceTransaction>()
        .Equal("type", t => t.Type)
        .Equal("source", t => t.Source)
        .Add("currency", form => StripeListFilters<SandboxBalanceTransaction>.Equals(t => t.Currency, form.Required("currency").ToLowerInvariant()))
        .MatchesNothing("payout");

    public static void Map(IEndpointRouteBuilder api) => api.MapStripeGet("/balance_transactions", ExecuteAsync).EmulatesList(Filters);

    public static Task<JsonObject> ExecuteAsync(SandboxApiRequest request) =>
        StripeList.PageAsync(request, "/v1/balance_transactions", "balance_transaction", Filters, t => t.Render());
}
