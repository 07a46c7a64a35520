using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Connect;
using Marketplace.StripeSandbox.Payments;
using Marketplace.StripeSandbox.Wire;
using Marten;

namespace Marketplace.StripeSandbox.Transfers;

/// <summary>
/// <c>POST /v1/transfers</c> (<c>amount</c>, <c>currency</c>, <c>destination</c>, optional <c>source_transaction</c>,
/// <c>transfer_group</c>, <c>description</c>, <c>metadata</c>): see <see cref="SandboxTransfers"/>.
/// </summary>
public static class CreateTransfer
{
    public static void Map(IEndpointRouteBuilder api) => api.MapStripePost("/transfers", ExecuteAsync)
        .Emulates(["amount", "currency", "description", "destination", "metadata", "source_transaction", "transfer_group"], "transfer.created");

    public static async Task<JsonObject> ExecuteAsync(SandboxApiRequest request)
    {
        var form = request.Form;
        var session = request.Transaction.Session;
        var ct = request.Http.RequestAborted;
        var amount = form.RequiredLong("amount");
        if (amount <= 0)
        {
            throw StripeApiException.Invalid("amount", "Invalid positive integer: amount must be greater than 0.");
        }

        var currency = form.Required("currency").ToLowerInvariant();
        var destination = await SandboxAccounts.LoadAsync(session, form.Required("destination"), ct, "destination");
        var source = await SourceChargeAsync(session, form.String("source_transaction"), currency, ct);
        var transfer = await SandboxTransfers.CreateAsync(request.Transaction, new TransferRequest(amount, currency, destination, source)
        {
            TransferGroup = form.String("transfer_group"), Description = form.String("description"),
            Metadata = form.Metadata().Where(pair => pair.Value.Length > 0).ToDictionary(),
        }, ct);
        return transfer.Render();
    }

    private static async Task<SandboxCharge?> SourceChargeAsync(IQuerySession session, string? chargeId, string currency, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(chargeId))
        {
            return null;
        }

        var charge = await session.LoadAsync<SandboxCharge>(chargeId, ct);
        if (charge is not { Paid: true, Captured: true })
        {
            throw StripeApiException.NoSuch("charge", chargeId, "source_transaction");
        }

        return charge.Currency == currency ? charge
            : throw StripeApiException.Invalid("currency", $"The currency of the transfer ({currency}) must be the currency of the source transaction ({charge.Currency}).");
    }
}
