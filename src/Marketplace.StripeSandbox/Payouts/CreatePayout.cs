using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Connect;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Payouts;

/// <summary>
/// <c>POST /v1/payouts</c>: with <c>Stripe-Account</c>, a payout of that account's available balance to its bank
/// account (then <c>payout.paid</c>); without, one of the platform's.
/// </summary>
public static class CreatePayout
{
    public static void Map(IEndpointRouteBuilder api) => api.MapStripePost("/payouts", ExecuteAsync)
        .Emulates(["amount", "currency", "description", "metadata", "method", "statement_descriptor"], "payout.created", "payout.paid", "payout.failed");

    public static async Task<JsonObject> ExecuteAsync(SandboxApiRequest request)
    {
        var form = request.Form;
        var ct = request.Http.RequestAborted;
        var account = request.StripeAccount is { } id ? await SandboxAccounts.LoadAsync(request.Transaction.Session, id, ct) : null;
        var method = form.String("method") ?? "standard";
        if (method is not ("standard" or "instant"))
        {
            throw StripeApiException.Invalid("method", $"Invalid method: must be one of standard or instant (got '{method}').");
        }

        var payout = await SandboxPayouts.CreateAsync(request.Transaction, account,
            new PayoutRequest(form.RequiredLong("amount"), form.Required("currency"), Description: form.String("description"))
            {
                Metadata = form.Metadata().Where(pair => pair.Value.Length > 0).ToDictionary(),
                StatementDescriptor = form.String("statement_descriptor"),
                Method = method,
            },
            ct);
        return payout.Render();
    }
}
