using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Payments;

/// <summary><c>POST /v1/checkout/sessions/{id}/expire</c>: an open session expires (<c>checkout.session.expired</c>).</summary>
public static class ExpireCheckoutSession
{
    public static void Map(IEndpointRouteBuilder api) => api.MapStripePost("/checkout/sessions/{id}/expire", ExecuteAsync)
        .Emulates([], "checkout.session.expired");

    public static async Task<JsonObject> ExecuteAsync(SandboxApiRequest request)
    {
        var checkout = await GetCheckoutSession.LoadAsync(request);
        return await SandboxCheckout.ExpireAsync(request.Transaction, checkout)
            ? CheckoutSessionObject.Render(checkout)
            : throw new StripeApiException(StatusCodes.Status400BadRequest,
                $"Only Checkout Sessions with a status of open can be expired. This Checkout Session has a status of {checkout.Status}.");
    }
}
