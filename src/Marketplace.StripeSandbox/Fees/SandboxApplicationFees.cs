using Marketplace.StripeSandbox.Balances;
using Marketplace.StripeSandbox.Transfers;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Fees;

/// <summary>
/// Application fees of destination charges: the platform's balance is credited the fee (pending with the charge's funds,
/// the connected account's payment shows it as its fee), <c>application_fee.created</c>. A refund gives part or all of
/// it back to the connected account, pending while the fee is: <c>application_fee.refunded</c>.
/// </summary>
public static class SandboxApplicationFees
{
    public static async Task<SandboxApplicationFee> CreateAsync(
        SandboxTransaction transaction, SandboxTransfer transfer, string chargeId, long amount, long availableOn, CancellationToken ct)
    {
        var fee = new SandboxApplicationFee
        {
            Id = SandboxIds.New("fee"), FromAccount = transfer.Destination, Amount = amount, Currency = transfer.Currency, Charge = transfer.DestinationPayment,
            OriginatingTransaction = chargeId, Created = transaction.UnixNow, CreatedAt = transaction.Now,
        };
        fee.BalanceTransaction = (await transaction.Ledger.PostAsync(
            new Posting(null, amount, fee.Currency, "application_fee", fee.Id) { AvailableOn = availableOn }, ct)).Id;
        transfer.ApplicationFee = fee.Id;
        transaction.Session.Store(transfer);
        transaction.Session.Insert(fee);
        await transaction.EmitAsync("application_fee.created", fee.Render(), null);
        return fee;
    }

    /// <summary>Refunds <paramref name="amount"/> of the fee; the caller has checked it does not exceed what remains.</summary>
    public static async Task<SandboxFeeRefund> RefundAsync(
        SandboxTransaction transaction, SandboxApplicationFee fee, long amount, Dictionary<string, string> metadata, CancellationToken ct)
    {
        var before = fee.Render();
        var availableOn = (await transaction.Session.LoadAsync<SandboxBalanceTransaction>(fee.BalanceTransaction, ct))?.AvailableOn;
        var refund = new SandboxFeeRefund
        {
            Id = SandboxIds.New("fr"), Amount = amount, Currency = fee.Currency, Created = transaction.UnixNow, Metadata = metadata,
            BalanceTransaction = (await transaction.Ledger.PostAsync(
                new Posting(null, -amount, fee.Currency, "application_fee_refund", fee.Id) { AvailableOn = availableOn }, ct)).Id,
        };
        await transaction.Ledger.PostAsync(new Posting(fee.FromAccount, amount, fee.Currency, "application_fee_refund", fee.Id) { AvailableOn = availableOn }, ct);
        fee.AmountRefunded += amount;
        fee.Refunds.Add(refund);
        transaction.Session.Store(fee);
        var after = fee.Render();
        await transaction.EmitAsync("application_fee.refunded", after, null, StripeJson.Changes(before, after));
        return refund;
    }
}
