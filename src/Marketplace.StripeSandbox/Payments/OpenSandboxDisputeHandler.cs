using Marten;
using Wolverine;

namespace Marketplace.StripeSandbox.Payments;

/// <summary>Opens the dispute a disputed test card promises, once its payment has committed.</summary>
public static class OpenSandboxDisputeHandler
{
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
