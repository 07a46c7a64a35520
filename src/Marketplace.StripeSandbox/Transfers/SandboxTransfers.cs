using Marketplace.StripeSandbox.Balances;
using Marketplace.StripeSandbox.Connect;
using Marketplace.StripeSandbox.Payments;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Transfers;

/// <summary>What a transfer needs, from <c>POST /v1/transfers</c> or a destination charge.</summary>
public sealed record TransferRequest(long Amount, string Currency, SandboxAccount Destination, SandboxCharge? Source)
{
    public string? TransferGroup { get; init; }
    public string? Description { get; init; }
    public Dictionary<string, string> Metadata { get; init; } = [];

    /// <summary>The platform's application fee taken from the destination's payment (destination charges).</summary>
    public long ApplicationFee { get; init; }
}

/// <summary>
/// Moving funds between the platform and connected accounts as Stripe does. A transfer with a source charge takes
/// its funds from that charge (never more than what remains of it), even while they are pending: both sides stay
/// pending until the charge's <c>available_on</c>. Without a source it needs the platform's available balance
/// (<c>balance_insufficient</c> otherwise). Either way the destination gets a <c>py_...</c> payment and
/// <c>transfer.created</c> is emitted. A reversal takes the funds back from where they are: pending while the
/// transfer's are, available otherwise.
/// </summary>
public static class SandboxTransfers
{
    public static async Task<SandboxTransfer> CreateAsync(SandboxTransaction transaction, TransferRequest request, CancellationToken ct)
    {
        if (request.Destination.Capabilities.GetValueOrDefault("transfers") != "active")
        {
            throw new StripeApiException(StatusCodes.Status400BadRequest,
                "Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments",
                "insufficient_capabilities_for_transfer", "destination");
        }

        var ledger = transaction.Ledger;
        long? availableOn = null;
        if (request.Source is { } source)
        {
            var remaining = source.AmountCaptured - source.AmountTransferred;
            if (request.Amount > remaining)
            {
                throw new StripeApiException(StatusCodes.Status400BadRequest,
                    $"The transfer amount ({request.Amount}) exceeds what remains of the source transaction {source.Id} ({remaining}).",
                    "transfer_source_balance_parameters_mismatch", "amount");
            }

            source.AmountTransferred += request.Amount;
            transaction.Session.Store(source);
            availableOn = source.FundsAvailableOn;
        }
        else
        {
            await SandboxFunds.SettleDueAsync(transaction, null, ct);
            if ((await ledger.BalanceAsync(null, ct)).AvailableIn(request.Currency) < request.Amount)
            {
                throw new StripeApiException(StatusCodes.Status400BadRequest,
                    "You have insufficient available funds in your Stripe account. Try adding funds directly to your available balance by creating Top-ups.",
                    "balance_insufficient");
            }
        }

        var transfer = new SandboxTransfer
        {
            Id = SandboxIds.New("tr"), Created = transaction.UnixNow, Amount = request.Amount, Currency = request.Currency,
            Destination = request.Destination.Id, DestinationPayment = SandboxIds.New("py"), SourceTransaction = request.Source?.Id,
            TransferGroup = request.TransferGroup, Description = request.Description, Metadata = request.Metadata,
        };
        transfer.BalanceTransaction = (await ledger.PostAsync(
            new Posting(null, -request.Amount, request.Currency, "transfer", transfer.Id) { AvailableOn = availableOn }, ct)).Id;
        transfer.DestinationBalanceTransaction = (await ledger.PostAsync(
            new Posting(request.Destination.Id, request.Amount, request.Currency, "payment", transfer.DestinationPayment)
            {
                AvailableOn = availableOn, Fee = request.ApplicationFee, FeeType = "application_fee",
            },
            ct)).Id;
        transaction.Session.Insert(transfer);
        await transaction.EmitAsync("transfer.created", transfer.Render(), null);
        return transfer;
    }

    /// <summary>
    /// Takes <paramref name="amount"/> back from the destination; the caller has checked it does not exceed what remains.
    /// A destination charge's transfer is reversed whatever the account holds (it may go negative); any other only when
    /// the account still holds the amount where the transfer put it (pending or available), as Stripe requires.
    /// </summary>
    public static async Task<SandboxTransferReversal> ReverseAsync(
        SandboxTransaction transaction, SandboxTransfer transfer, long amount, Dictionary<string, string> metadata, string? sourceRefund, CancellationToken ct)
    {
        var before = transfer.Render();
        var availableOn = (await transaction.Session.LoadAsync<SandboxBalanceTransaction>(transfer.BalanceTransaction, ct))?.AvailableOn;
        if (!await IsDestinationChargeTransferAsync(transaction, transfer, ct))
        {
            await SandboxFunds.SettleDueAsync(transaction, transfer.Destination, ct);
            var held = await transaction.Ledger.BalanceAsync(transfer.Destination, ct);
            var pending = availableOn > transaction.UnixNow;
            if ((pending ? held.Pending.GetValueOrDefault(transfer.Currency) : held.AvailableIn(transfer.Currency)) < amount)
            {
                throw new StripeApiException(StatusCodes.Status400BadRequest,
                    $"The destination account {transfer.Destination} does not have enough {(pending ? "pending" : "available")} funds to cover a reversal of {amount}.",
                    "balance_insufficient", "amount");
            }
        }

        var reversal = new SandboxTransferReversal
        {
            Id = SandboxIds.New("trr"), Created = transaction.UnixNow, Amount = amount, Currency = transfer.Currency, Metadata = metadata,
            SourceRefund = sourceRefund,
            BalanceTransaction = (await transaction.Ledger.PostAsync(
                new Posting(null, amount, transfer.Currency, "transfer_cancel", transfer.Id) { AvailableOn = availableOn }, ct)).Id,
        };
        await transaction.Ledger.PostAsync(
            new Posting(transfer.Destination, -amount, transfer.Currency, "payment_refund", transfer.DestinationPayment) { AvailableOn = availableOn }, ct);
        transfer.AmountReversed += amount;
        transfer.Reversals.Add(reversal);
        transaction.Session.Store(transfer);
        var after = transfer.Render();
        await transaction.EmitAsync("transfer.reversed", after, null, StripeJson.Changes(before, after));
        return reversal;
    }

    private static async Task<bool> IsDestinationChargeTransferAsync(SandboxTransaction transaction, SandboxTransfer transfer, CancellationToken ct) =>
        transfer.SourceTransaction is { } chargeId && (await transaction.Session.LoadAsync<SandboxCharge>(chargeId, ct))?.Transfer == transfer.Id;
}
