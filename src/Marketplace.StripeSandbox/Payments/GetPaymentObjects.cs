using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Transfers;
using Marketplace.StripeSandbox.Wire;
using Marten;

namespace Marketplace.StripeSandbox.Payments;

/// <summary>
/// Reading payment objects by id: <c>GET /v1/payment_intents/{id}</c>, <c>/v1/charges/{id}</c> (a connected account's
/// <c>py_</c> payment too),
/// <c>/v1/refunds/{id}</c> and <c>/v1/disputes/{id}</c>.
/// </summary>
public static class GetPaymentObjects
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapStripeGet("/payment_intents/{id}", async request => (await LoadIntentAsync(request)).Render()).Emulates([]);
        api.MapStripeGet("/charges/{id}", GetChargeAsync);
        api.MapStripeGet("/refunds/{id}", async request => (await request.LoadInAccountAsync<SandboxRefund>("refund")).Render());
        api.MapStripeGet("/disputes/{id}", async request => (await request.LoadInAccountAsync<SandboxDispute>("dispute")).Render());
    }

    /// <summary>A platform charge, or with <c>Stripe-Account</c> a connected account's <c>py_</c> payment.</summary>
    public static async Task<JsonObject> GetChargeAsync(SandboxApiRequest request)
    {
        var id = request.Route("id");
        if (id.StartsWith(DestinationPaymentObject.Prefix, StringComparison.Ordinal))
        {
            return await DestinationPaymentObject.FindAsync(request.Transaction.Session, id, request.StripeAccount, request.Http.RequestAborted)
                ?? throw StripeApiException.NoSuch("charge", id);
        }

        return await RenderChargeAsync(request.Transaction.Session, await request.LoadInAccountAsync<SandboxCharge>("charge"), request.Http.RequestAborted);
    }

    /// <summary>A charge with its refunds, newest first.</summary>
    public static async Task<JsonObject> RenderChargeAsync(IQuerySession session, SandboxCharge charge, CancellationToken ct)
    {
        var refunds = await session.Query<SandboxRefund>().Where(r => r.Charge == charge.Id).OrderByDescending(r => r.Created).ToListAsync(ct);
        return ChargeObject.Render(charge, refunds);
    }

    /// <summary>Payment intents are the platform's (the sandbox makes no direct charges): a connected account finds none.</summary>
    public static async Task<SandboxPaymentIntent> LoadIntentAsync(SandboxApiRequest request)
    {
        var id = request.Route("id");
        return (request.StripeAccount is null ? await request.Transaction.Session.LoadAsync<SandboxPaymentIntent>(id, request.Http.RequestAborted) : null)
            ?? throw StripeApiException.NoSuch("payment_intent", id);
    }
}
