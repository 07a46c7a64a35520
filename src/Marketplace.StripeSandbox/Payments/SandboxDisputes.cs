using Marketplace.StripeSandbox.Balances;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Payments;

/// <summary>Opens a dispute on a charge (queued after a payment with the disputed test card).</summary>
public sealed record OpenSandboxDispute(string ChargeId, string Reason, long? Amount = null);

/// <summary>
/// Disputes: opening one marks the charge disputed, takes the amount and Stripe's dispute fee from the platform's
/// balance and emits <c>charge.dispute.created</c>; closing one emits <c>charge.dispute.closed</c> and, when won,
/// returns the amount.
/// </summary>
public static class SandboxDisputes
{
    public static readonly IReadOnlyList<string> Reasons =
        ["bank_cannot_process", "credit_not_processed", "customer_initiated", "debit_not_authorized", "duplicate", "fraudulent", "general",
         "incorrect_account_details", "insufficient_funds", "product_not_received", "product_unacceptable", "subscription_canceled", "unrecognized"];

    /// <summary>Opens the dispute; the caller stores <paramref name="charge"/>, which this marks disputed.</summary>
    public static async Task<SandboxDispute> OpenAsync(SandboxTransaction transaction, SandboxCharge charge, string reason, long? amount, CancellationToken ct)
    {
        var session = transaction.Session;
        var created = transaction.UnixNow;
        var dispute = new SandboxDispute
        {
            Id = SandboxIds.New("dp"), Created = created, Amount = amount ?? charge.Amount, Currency = charge.Currency, Charge = charge.Id,
            PaymentIntent = charge.PaymentIntent, Reason = reason, CardBrand = charge.Card.Brand,
        };
        dispute.BalanceTransactions.Add(SandboxBalanceTransaction.Record(session, created, null, -dispute.Amount, dispute.Currency, "adjustment",
            dispute.Id, SandboxDispute.Fee, $"Chargeback withdrawal for {charge.Id}", "dispute"));
        var platform = await SandboxBalance.LoadAsync(session, null, ct);
        platform.Credit(-(dispute.Amount + SandboxDispute.Fee), dispute.Currency);
        session.Store(platform);
        charge.Disputed = true;
        session.Insert(dispute);
        await transaction.EmitAsync("charge.dispute.created", dispute.Render(), null);
        return dispute;
    }

    public static async Task CloseAsync(SandboxTransaction transaction, SandboxDispute dispute, bool won, CancellationToken ct)
    {
        var session = transaction.Session;
        var before = dispute.Render();
        dispute.Status = won ? "won" : "lost";
        if (won)
        {
            dispute.BalanceTransactions.Add(SandboxBalanceTransaction.Record(session, transaction.UnixNow, null, dispute.Amount, dispute.Currency,
                "adjustment", dispute.Id, description: $"Chargeback reversal for {dispute.Charge}", reportingCategory: "dispute_reversal"));
            var platform = await SandboxBalance.LoadAsync(session, null, ct);
            platform.Credit(dispute.Amount, dispute.Currency);
            session.Store(platform);
        }

        session.Store(dispute);
        var after = dispute.Render();
        await transaction.EmitAsync("charge.dispute.closed", after, null, StripeJson.Changes(before, after));
    }
}

