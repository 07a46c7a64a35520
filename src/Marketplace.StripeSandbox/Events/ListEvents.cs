using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;
using Marten;

namespace Marketplace.StripeSandbox.Events;

/// <summary><c>GET /v1/events</c>: newest first, with <c>type</c>, <c>limit</c> and <c>starting_after</c>.</summary>
public static class ListEvents
{
    public static void Map(IEndpointRouteBuilder api) => api.MapStripeGet("/events", ExecuteAsync);

    public static async Task<JsonObject> ExecuteAsync(SandboxApiRequest request)
    {
        var session = request.Transaction.Session;
        var ct = request.Http.RequestAborted;
        var account = request.StripeAccount;
        var query = session.Query<SandboxEvent>().Where(e => e.Account == account);
        if (request.Form.String("type") is { Length: > 0 } type)
        {
            query = query.Where(e => e.Type == type);
        }

        if (request.Form.String("starting_after") is { Length: > 0 } after)
        {
            var cursor = await session.LoadAsync<SandboxEvent>(after, ct) ?? throw StripeApiException.NoSuch("event", after, "starting_after");
            query = query.Where(e => e.CreatedAt < cursor.CreatedAt);
        }

        var limit = request.Limit;
        var page = await query.OrderByDescending(e => e.CreatedAt).Take(limit + 1).ToListAsync(ct);
        return StripeJson.List("/v1/events", page.Take(limit).Select(e => (JsonNode)e.Render()), hasMore: page.Count > limit);
    }
}
