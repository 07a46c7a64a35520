using Marketplace.StripeSandbox.Balances;
using Marketplace.StripeSandbox.Wire;
using Marten;
using Wolverine;

namespace Marketplace.StripeSandbox.Payouts;

/// <summary>
/// Ends a pending payout: <c>payout.paid</c>, or <c>payout.failed</c> with the funds back in the available balance.
/// A payout no longer pending is left alone, so a redelivery changes nothing.
/// </summary>
public static class SettleSandboxPayoutHandler
{
    public static async Task HandleAsync(SettleSandboxPayout message, IDocumentSession session, IMessageContext bus, TimeProvider clock, CancellationToken ct)
    {
        var payout = await session.LoadAsync<SandboxPayout>(message.PayoutId, ct);
        if (payout is null || payout.Status != "pending")
        {
            return;
        }

        var transaction = await SandboxTransaction.BeginAsync(session, bus, clock, ct);
        var before = payout.Render();
        var failed = payout.IntendedOutcome == "failed";
        if (failed)
        {
            payout.Status = "failed";
            payout.FailureCode = payout.IntendedFailureCode ?? "account_closed";
            payout.FailureMessage = SandboxPayouts.FailureMessages.GetValueOrDefault(payout.FailureCode, "The bank could not process this payout.");
            payout.FailureBalanceTransaction = (await transaction.Ledger.PostAsync(
                new Posting(payout.Account, payout.Amount, payout.Currency, "payout_failure", payout.Id), ct)).Id;
        }
        else
        {
            payout.Status = "paid";
        }

        session.Store(payout);
        var after = payout.Render();
        await transaction.EmitAsync(failed ? "payout.failed" : "payout.paid", after, payout.Account, StripeJson.Changes(before, after));
    }
}
