using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Balances;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Transfers;

/// <summary>
/// <c>POST /v1/transfers/{id}/reversals</c> (optional <c>amount</c>, default what remains; <c>description</c>,
/// <c>metadata</c>): takes the funds back from the connected account (its balance may go negative);
/// <c>transfer.reversed</c>. Answers the <c>transfer_reversal</c>.
/// </summary>
public static class ReverseTransfer
{
    public static void Map(IEndpointRouteBuilder api) => api.MapStripePost("/transfers/{id}/reversals", ExecuteAsync)
        .Emulates(["amount", "metadata"], "transfer.reversed");

    public static async Task<JsonObject> ExecuteAsync(SandboxApiRequest request)
    {
        var transaction = request.Transaction;
        var session = transaction.Session;
        var ct = request.Http.RequestAborted;
        var id = request.Route("id");
        var transfer = await session.LoadAsync<SandboxTransfer>(id, ct) ?? throw StripeApiException.NoSuch("transfer", id);
        var remaining = transfer.Amount - transfer.AmountReversed;
        var amount = request.Form.Long("amount") ?? remaining;
        if (remaining == 0)
        {
            throw new StripeApiException(StatusCodes.Status400BadRequest, $"Transfer {id} has already been fully reversed.", "transfer_already_reversed");
        }

        if (amount <= 0 || amount > remaining)
        {
            throw StripeApiException.Invalid("amount", $"Reversal amount ({amount}) must be between 1 and what remains of the transfer ({remaining}).");
        }

        var before = transfer.Render();
        var created = transaction.UnixNow;
        var reversal = new SandboxTransferReversal
        {
            Id = SandboxIds.New("trr"), Created = created, Amount = amount, Currency = transfer.Currency,
            BalanceTransaction = SandboxBalanceTransaction.Record(session, created, null, amount, transfer.Currency, "transfer_cancel", transfer.Id).Id,
            Metadata = request.Form.Metadata().Where(pair => pair.Value.Length > 0).ToDictionary(),
        };
        SandboxBalanceTransaction.Record(session, created, transfer.Destination, -amount, transfer.Currency, "payment_refund", transfer.DestinationPayment);
        var platform = await SandboxBalance.LoadAsync(session, null, ct);
        platform.Credit(amount, transfer.Currency);
        session.Store(platform);
        var destination = await SandboxBalance.LoadAsync(session, transfer.Destination, ct);
        destination.Credit(-amount, transfer.Currency);
        session.Store(destination);
        transfer.AmountReversed += amount;
        transfer.Reversals.Add(reversal);
        session.Store(transfer);
        var after = transfer.Render();
        await transaction.EmitAsync("transfer.reversed", after, null, StripeJson.Changes(before, after));
        return reversal.Render(transfer.Id);
    }
}
