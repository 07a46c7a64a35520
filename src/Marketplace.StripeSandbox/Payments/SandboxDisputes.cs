using Marketplace.StripeSandbox.Balances;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Payments;

/// <summary>
/// Disputes, as Stripe moves their money: opening one marks the charge disputed and takes the disputed amount and
/// Stripe's dispute fee from the platform's balance, destination charges included (<c>charge.dispute.created</c>,
/// <c>charge.dispute.funds_withdrawn</c>); closing one emits <c>charge.dispute.closed</c> and, when won, returns the
/// amount (<c>charge.dispute.funds_reinstated</c>; the fee is not returned).
/// </summary>
public static class SandboxDisputes
{
    public static readonly IReadOnlyList<string> Reasons =
        ["bank_cannot_process", "credit_not_processed", "customer_initiated", "debit_not_authorized", "duplicate", "fraudulent", "general",
         "incorrect_account_details", "insufficient_funds", "product_not_received", "product_unacceptable", "subscription_canceled", "unrecognized"];

    /// <summary>Opens the dispute (by default for what the charge has not refunded); the caller stores <paramref name="charge"/>, which this marks disputed.</summary>
    public static async Task<SandboxDispute> OpenAsync(SandboxTransaction transaction, SandboxCharge charge, string reason, long? amount, CancellationToken ct)
    {
        var dispute = new SandboxDispute
        {
            Id = SandboxIds.New("dp"), Created = transaction.UnixNow, Amount = amount ?? charge.Refundable, Currency = charge.Currency, Charge = charge.Id,
            PaymentIntent = charge.PaymentIntent, Reason = reason, CardBrand = charge.Card.Brand,
        };
        dispute.BalanceTransactions.Add(await transaction.Ledger.PostAsync(
            new Posting(null, -dispute.Amount, dispute.Currency, "adjustment", dispute.Id)
            {
                Fee = SandboxDispute.Fee, Description = $"Chargeback withdrawal for {charge.Id}", ReportingCategory = "dispute",
            },
            ct));
        charge.Disputed = true;
        transaction.Session.Insert(dispute);
        await transaction.EmitAsync("charge.dispute.created", dispute.Render(), null);
        await transaction.EmitAsync("charge.dispute.funds_withdrawn", dispute.Render(), null);
        return dispute;
    }

    public static async Task CloseAsync(SandboxTransaction transaction, SandboxDispute dispute, bool won, CancellationToken ct)
    {
        var before = dispute.Render();
        dispute.Status = won ? "won" : "lost";
        if (won)
        {
            dispute.BalanceTransactions.Add(await transaction.Ledger.PostAsync(
                new Posting(null, dispute.Amount, dispute.Currency, "adjustment", dispute.Id)
                {
                    Description = $"Chargeback reversal for {dispute.Charge}", ReportingCategory = "dispute_reversal",
                },
                ct));
        }

        transaction.Session.Store(dispute);
        var after = dispute.Render();
        await transaction.EmitAsync("charge.dispute.closed", after, null, StripeJson.Changes(before, after));
        if (won)
        {
            await transaction.EmitAsync("charge.dispute.funds_reinstated", after, null);
        }
    }
}
