using Marketplace.Features.Catalog;
using Marketplace.Features.Orders;
using Marten;
using Wolverine;

namespace Marketplace.Features.Downloads.Copies;

/// <summary>
/// Right after payment: records every file's copy of the new entitlement as preparing and sends one durable
/// <see cref="PrepareCopy"/> per file, in one transaction. Delivered twice, it finds the copies requested and sends nothing.
/// </summary>
public static class EntitlementGrantedHandler
{
    public static async Task<OutgoingMessages> HandleAsync(EntitlementGranted granted, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        if (await session.LoadAsync<Entitlement>(granted.EntitlementId, ct) is not { State: not EntitlementState.Revoked } entitlement
            || await session.LoadAsync<Product>(entitlement.ProductId, ct) is not { } product)
        {
            return messages;
        }

        await session.BeginTransactionAsync(ct);
        messages.AddRange(await CopyRequests.RequestAllAsync(session, entitlement, product, clock.GetUtcNow(), ct));
        return messages;
    }
}
