using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;
using Marten;

namespace Marketplace.StripeSandbox.Payouts;

/// <summary><c>GET /v1/payouts</c>: newest first, <c>limit</c> (1-100), <c>status</c> and <c>starting_after</c>.</summary>
public static class ListPayouts
{
    public static void Map(IEndpointRouteBuilder api) => api.MapStripeGet("/payouts", ExecuteAsync);

    public static async Task<JsonObject> ExecuteAsync(SandboxApiRequest request)
    {
        var session = request.Transaction.Session;
        var ct = request.Http.RequestAborted;
        var account = request.StripeAccount;
        var query = session.Query<SandboxPayout>().Where(p => p.Account == account);
        if (request.Form.String("status") is { Length: > 0 } status)
        {
            query = query.Where(p => p.Status == status);
        }

        if (request.Form.String("starting_after") is { Length: > 0 } after)
        {
            var cursor = await session.LoadAsync<SandboxPayout>(after, ct) ?? throw StripeApiException.NoSuch("payout", after, "starting_after");
            query = query.Where(p => p.CreatedAt < cursor.CreatedAt);
        }

        var limit = request.Limit;
        var page = await query.OrderByDescending(p => p.CreatedAt).Take(limit + 1).ToListAsync(ct);
        return StripeJson.List("/v1/payouts", page.Take(limit).Select(p => (JsonNode)p.Render()), hasMore: page.Count > limit);
    }
}
