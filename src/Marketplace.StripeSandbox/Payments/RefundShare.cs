using Marketplace.StripeSandbox.Fees;
using Marketplace.StripeSandbox.Transfers;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Payments;

/// <summary>
/// What a refund of a destination charge takes back, as Stripe does: <c>reverse_transfer</c> reverses the charge's
/// transfer and <c>refund_application_fee</c> refunds its application fee, each in proportion to the part of the
/// charge refunded (all of what remains when the refund completes it). Transfers made separately
/// (<c>source_transaction</c>) are not the charge's: the platform reverses them itself, so <c>reverse_transfer</c> on a
/// charge without a transfer is refused rather than quietly doing nothing.
/// </summary>
/// <param name="charge">The charge before <paramref name="amount"/> is counted as refunded.</param>
/// <param name="amount">The part of the charge this refund gives back.</param>
public sealed class RefundShare(SandboxCharge charge, long amount)
{
    private readonly bool _completes = charge.Refundable == amount;

    public async Task<string> ReverseTransferAsync(SandboxTransaction transaction, string refundId, CancellationToken ct)
    {
        var transfer = charge.Transfer is { } id ? await transaction.Session.LoadAsync<SandboxTransfer>(id, ct) : null;
        if (transfer is null)
        {
            throw StripeApiException.Invalid("reverse_transfer",
                $"The charge {charge.Id} has no transfer to reverse: only destination charges have one. Reverse separate transfers with POST /v1/transfers/{{id}}/reversals.");
        }

        var remaining = transfer.Amount - transfer.AmountReversed;
        var reversal = Math.Min(remaining, _completes ? remaining : Proportion(transfer.Amount));
        if (reversal <= 0)
        {
            throw new StripeApiException(StatusCodes.Status400BadRequest, $"Transfer {transfer.Id} has already been fully reversed.", "transfer_already_reversed");
        }

        return (await SandboxTransfers.ReverseAsync(transaction, transfer, reversal, [], refundId, ct)).Id;
    }

    public async Task RefundApplicationFeeAsync(SandboxTransaction transaction, CancellationToken ct)
    {
        if (charge.ApplicationFee is not { } id || await transaction.Session.LoadAsync<SandboxApplicationFee>(id, ct) is not { } fee)
        {
            return;
        }

        var refund = Math.Min(fee.Refundable, _completes ? fee.Refundable : Proportion(fee.Amount));
        if (refund > 0)
        {
            await SandboxApplicationFees.RefundAsync(transaction, fee, refund, [], ct);
        }
    }

    private long Proportion(long of) => (long)Math.Round((decimal)of * amount / charge.AmountCaptured, MidpointRounding.AwayFromZero);
}
