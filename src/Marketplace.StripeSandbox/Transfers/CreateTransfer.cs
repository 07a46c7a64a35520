using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Balances;
using Marketplace.StripeSandbox.Connect;
using Marketplace.StripeSandbox.Payments;
using Marketplace.StripeSandbox.Wire;
using Marten;

namespace Marketplace.StripeSandbox.Transfers;

/// <summary>
/// <c>POST /v1/transfers</c> (<c>amount</c>, <c>currency</c>, <c>destination</c>, optional <c>source_transaction</c>,
/// <c>transfer_group</c>, <c>description</c>, <c>metadata</c>): moves funds from the platform's balance to the
/// connected account's available balance; <c>transfer.created</c>. With a source charge the platform's balance is
/// not checked (as on Stripe), but the charge must cover every transfer made from it.
/// </summary>
public static class CreateTransfer
{
    public static void Map(IEndpointRouteBuilder api) => api.MapStripePost("/transfers", ExecuteAsync)
        .Emulates(["amount", "currency", "description", "destination", "metadata", "source_transaction", "transfer_group"], "transfer.created");

    public static async Task<JsonObject> ExecuteAsync(SandboxApiRequest request)
    {
        var form = request.Form;
        var transaction = request.Transaction;
        var session = transaction.Session;
        var ct = request.Http.RequestAborted;
        var amount = form.RequiredLong("amount");
        if (amount <= 0)
        {
            throw StripeApiException.Invalid("amount", "Invalid positive integer: amount must be greater than 0.");
        }

        var currency = form.Required("currency").ToLowerInvariant();
        var destination = await SandboxAccounts.LoadAsync(session, form.Required("destination"), ct, "destination");
        if (destination.Capabilities.GetValueOrDefault("transfers") != "active")
        {
            throw new StripeApiException(StatusCodes.Status400BadRequest,
                "Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments",
                "insufficient_capabilities_for_transfer", "destination");
        }

        var platform = await SandboxBalance.LoadAsync(session, null, ct);
        var source = await SourceChargeAsync(session, form.String("source_transaction"), amount, ct);
        if (source is null && platform.AvailableIn(currency) < amount)
        {
            throw new StripeApiException(StatusCodes.Status400BadRequest,
                "You have insufficient available funds in your Stripe account. Try adding funds directly to your available balance.", "balance_insufficient");
        }

        var created = transaction.UnixNow;
        var transfer = new SandboxTransfer
        {
            Id = SandboxIds.New("tr"), Created = created, Amount = amount, Currency = currency, Destination = destination.Id,
            DestinationPayment = SandboxIds.New("py"), SourceTransaction = source?.Id, TransferGroup = form.String("transfer_group"),
            Description = form.String("description"), Metadata = form.Metadata().Where(pair => pair.Value.Length > 0).ToDictionary(),
        };
        transfer.BalanceTransaction = SandboxBalanceTransaction.Record(session, created, null, -amount, currency, "transfer", transfer.Id).Id;
        SandboxBalanceTransaction.Record(session, created, destination.Id, amount, currency, "payment", transfer.DestinationPayment);
        platform.Credit(-amount, currency);
        session.Store(platform);
        var received = await SandboxBalance.LoadAsync(session, destination.Id, ct, destination.DefaultCurrency);
        received.Credit(amount, currency);
        session.Store(received);
        if (source is not null)
        {
            source.AmountTransferred += amount;
            session.Store(source);
        }

        session.Insert(transfer);
        await transaction.EmitAsync("transfer.created", transfer.Render(), null);
        return transfer.Render();
    }

    private static async Task<SandboxCharge?> SourceChargeAsync(IQuerySession session, string? chargeId, long amount, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(chargeId))
        {
            return null;
        }

        var charge = await session.LoadAsync<SandboxCharge>(chargeId, ct);
        if (charge is not { Paid: true })
        {
            throw StripeApiException.NoSuch("charge", chargeId, "source_transaction");
        }

        return charge.AmountTransferred + amount <= charge.Amount
            ? charge
            : throw new StripeApiException(StatusCodes.Status400BadRequest,
                $"The transfer amount ({amount}) exceeds what remains of the source transaction {chargeId} ({charge.Amount - charge.AmountTransferred}).",
                "transfer_source_balance_parameters_mismatch", "amount");
    }
}
