using System.Linq.Expressions;
using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Events;

/// <summary>
/// <c>GET /v1/events</c> of the platform, or with <c>Stripe-Account</c> of that account: <c>type</c> (a name, or a
/// group such as <c>charge.*</c>), <c>types[]</c>, <c>delivery_success</c> and <see cref="StripeList"/>'s paging and
/// <c>created</c>.
/// </summary>
public static class ListEvents
{
    private static readonly StripeListFilters<SandboxEvent> Filters = new StripeListFilters<SandboxEvent>()
        .Add("type", form => OfType(form.Required("type")))
        .OneOf("types", e => e.Type)
        .Add("delivery_success", form => form.Bool("delivery_success") == true ? e => e.DeliveredAt != null : e => e.DeliveredAt == null);

    public static void Map(IEndpointRouteBuilder api) => api.MapStripeGet("/events", ExecuteAsync).EmulatesList(Filters);

    private static Expression<Func<SandboxEvent, bool>> OfType(string type)
    {
        var group = type.EndsWith(".*", StringComparison.Ordinal) ? type[..^1] : null;
        return group is null ? e => e.Type == type : e => e.Type.StartsWith(group);
    }

    public static Task<JsonObject> ExecuteAsync(SandboxApiRequest request) =>
        StripeList.PageAsync(request, "/v1/events", "event", Filters, e => e.Render());
}
