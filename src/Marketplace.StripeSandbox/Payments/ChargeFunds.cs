using Marketplace.StripeSandbox.Balances;
using Marketplace.StripeSandbox.Connect;
using Marketplace.StripeSandbox.Fees;
using Marketplace.StripeSandbox.Transfers;

namespace Marketplace.StripeSandbox.Payments;

/// <summary>
/// The money of a captured charge: the platform's balance gets the captured amount less Stripe's card fee, pending for
/// <see cref="SettlementDelay"/>. A destination charge then transfers to its destination (all of it, or
/// <c>transfer_data[amount]</c>) from the charge, and its <c>application_fee_amount</c> comes back to the platform as an
/// application fee; both pending with the charge's funds.
/// </summary>
public static class ChargeFunds
{
    /// <summary>Stripe's standard payout schedule in the US: a card payment's funds are available two days later.</summary>
    public static readonly TimeSpan SettlementDelay = TimeSpan.FromDays(2);

    /// <summary>Moves the funds; the caller stores <paramref name="charge"/> (its balance transaction, transfer and fee set).</summary>
    public static async Task CollectAsync(SandboxTransaction transaction, SandboxCharge charge, CancellationToken ct)
    {
        charge.FundsAvailableOn = transaction.UnixNow + (long)SettlementDelay.TotalSeconds;
        charge.BalanceTransaction = (await transaction.Ledger.PostAsync(
            new Posting(null, charge.AmountCaptured, charge.Currency, "charge", charge.Id)
            {
                Fee = SandboxBalanceTransaction.CardFee(charge.AmountCaptured), AvailableOn = charge.FundsAvailableOn, Description = charge.Description,
            },
            ct)).Id;
        if (charge.TransferDestination is not { } destinationId)
        {
            return;
        }

        var destination = await SandboxAccounts.LoadAsync(transaction.Session, destinationId, ct, "transfer_data[destination]");
        var fee = Math.Min(charge.ApplicationFeeAmount ?? 0, charge.AmountCaptured);
        var transfer = await SandboxTransfers.CreateAsync(transaction,
            new TransferRequest(Math.Min(charge.TransferAmount ?? charge.AmountCaptured, charge.AmountCaptured), charge.Currency, destination, charge)
            {
                TransferGroup = charge.TransferGroup, ApplicationFee = fee,
            },
            ct);
        charge.Transfer = transfer.Id;
        if (fee > 0)
        {
            charge.ApplicationFeeAmount = fee;
            charge.ApplicationFee = (await SandboxApplicationFees.CreateAsync(transaction, transfer, charge.Id, fee, charge.FundsAvailableOn, ct)).Id;
        }
    }
}
