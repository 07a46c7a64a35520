using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Payments;
using Marketplace.StripeSandbox.Wire;
using Marten;

namespace Marketplace.StripeSandbox.Transfers;

/// <summary>
/// The connected account's side of a transfer: the <c>py_...</c> payment, a charge object on that account
/// (<c>GET /v1/charges/py_...</c> with its <c>Stripe-Account</c>), paid from the platform's Stripe account
/// (<c>source_transfer</c>), its reversals counted as refunded. Made from the transfer, not kept apart.
/// </summary>
public static class DestinationPaymentObject
{
    public const string Prefix = "py_";

    public static async Task<JsonObject?> FindAsync(IQuerySession session, string paymentId, string? account, CancellationToken ct)
    {
        var transfer = await session.Query<SandboxTransfer>().FirstOrDefaultAsync(t => t.DestinationPayment == paymentId, ct);
        return transfer is not null && transfer.Destination == account ? Render(transfer) : null;
    }

    public static JsonObject Render(SandboxTransfer transfer)
    {
        var payment = new SandboxCharge
        {
            Id = transfer.DestinationPayment, Created = transfer.Created, Amount = transfer.Amount, AmountCaptured = transfer.Amount,
            AmountRefunded = transfer.AmountReversed, Currency = transfer.Currency, BalanceTransaction = transfer.DestinationBalanceTransaction,
            Description = transfer.Description, TransferGroup = transfer.TransferGroup,
        };
        var json = ChargeObject.Render(payment, []);
        json["application_fee"] = transfer.ApplicationFee;
        json["billing_details"] = StripeJson.Parse(
            """{"address":{"city":null,"country":null,"line1":null,"line2":null,"postal_code":null,"state":null},"email":null,"name":null,"phone":null}""");
        json["calculated_statement_descriptor"] = null;
        json["outcome"] = null;
        json["payment_method"] = null;
        json["payment_method_details"] = new JsonObject { ["stripe_account"] = new JsonObject(), ["type"] = "stripe_account" };
        json["receipt_email"] = null;
        json["source_transfer"] = transfer.Id;
        return json;
    }
}
