using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Transfers;

/// <summary>
/// <c>POST /v1/transfers/{id}/reversals</c> (optional <c>amount</c>, default what remains; <c>description</c>,
/// <c>metadata</c>): takes the funds back from the connected account, which must still hold them unless the transfer
/// is a destination charge's (<see cref="SandboxTransfers.ReverseAsync"/>); <c>transfer.reversed</c>. Answers the
/// <c>transfer_reversal</c>.
/// </summary>
public static class ReverseTransfer
{
    public static void Map(IEndpointRouteBuilder api) => api.MapStripePost("/transfers/{id}/reversals", ExecuteAsync)
        .Emulates(["amount", "metadata"], "transfer.reversed");

    public static async Task<JsonObject> ExecuteAsync(SandboxApiRequest request)
    {
        var transaction = request.Transaction;
        var ct = request.Http.RequestAborted;
        var id = request.Route("id");
        var transfer = await transaction.Session.LoadAsync<SandboxTransfer>(id, ct) ?? throw StripeApiException.NoSuch("transfer", id);
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

        var metadata = request.Form.Metadata().Where(pair => pair.Value.Length > 0).ToDictionary();
        var reversal = await SandboxTransfers.ReverseAsync(transaction, transfer, amount, metadata, sourceRefund: null, ct);
        return reversal.Render(transfer.Id);
    }
}
