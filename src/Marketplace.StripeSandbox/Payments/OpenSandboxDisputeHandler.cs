using JasperFx;
using JasperFx.Core;
using Marten;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Marketplace.StripeSandbox.Payments;

/// <summary>Opens the dispute a disputed test card promises, once its payment has committed.</summary>
public static class OpenSandboxDisputeHandler
{
    /// <summary>
    /// The charge and the balances it touches are written by every money call made right after a payment (the
    /// marketplace's transfers, say): a dispute that loses those races tries again, longer than the app-wide three times,
    /// since no caller would retry a dispute the card promised.
    /// </summary>
    public static void Configure(HandlerChain chain) =>
        chain.OnException<ConcurrencyException>().RetryWithCooldown(
            50.Milliseconds(), 100.Milliseconds(), 250.Milliseconds(), 500.Milliseconds(), 1.Seconds(), 2.Seconds(), 5.Seconds(), 10.Seconds());

    public static async Task HandleAsync(OpenSandboxDispute message, IDocumentSession session, IMessageContext bus, TimeProvider clock, CancellationToken ct)
    {
        var charge = await session.LoadAsync<SandboxCharge>(message.ChargeId, ct);
        if (charge is null || charge.Disputed || !charge.Paid)
        {
            return;
        }

        await SandboxDisputes.OpenAsync(await SandboxTransaction.BeginAsync(session, bus, clock, ct), charge, message.Reason, message.Amount, ct);
        session.Store(charge);
    }
}
