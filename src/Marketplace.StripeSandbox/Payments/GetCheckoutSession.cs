using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Payments;

/// <summary><c>GET /v1/checkout/sessions/{id}</c> and its <c>/line_items</c>.</summary>
public static class GetCheckoutSession
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapStripeGet("/checkout/sessions/{id}", async request => CheckoutSessionObject.Render(await LoadAsync(request)));
        api.MapStripeGet("/checkout/sessions/{id}/line_items", async request =>
        {
            var session = await LoadAsync(request);
            return StripeList.Page(request, $"/v1/checkout/sessions/{session.Id}/line_items", "line item", CheckoutSessionObject.LineItems(session),
                item => item["id"]!.GetValue<string>(), item => item);
        }).Emulates(["ending_before", "limit", "starting_after"]);
    }

    public static async Task<SandboxCheckoutSession> LoadAsync(SandboxApiRequest request)
    {
        var id = request.Route("id");
        return await request.Transaction.Session.LoadAsync<SandboxCheckoutSession>(id, request.Http.RequestAborted)
            ?? throw StripeApiException.NoSuch("checkout.session", id);
    }
}
