using Marten;
using Wolverine;

namespace Marketplace.StripeSandbox.Payments;

/// <summary>Closes a dispute under review as its test evidence decided, once the submission has committed.</summary>
public static class CloseSandboxDisputeHandler
{
    public static async Task HandleAsync(CloseSandboxDispute message, IDocumentSession session, IMessageContext bus, TimeProvider clock, CancellationToken ct)
    {
        var dispute = await session.LoadAsync<SandboxDispute>(message.DisputeId, ct);
        if (dispute is null || dispute.IsClosed)
        {
            return;
        }

        await SandboxDisputes.CloseAsync(await SandboxTransaction.BeginAsync(session, bus, clock, ct), dispute, message.Won, ct);
    }
}
