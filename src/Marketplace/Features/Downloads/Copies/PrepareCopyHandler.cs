using Marketplace.Features.Accounts;
using Marketplace.Features.Catalog;
using Marketplace.Features.Downloads.Watermarking;
using Marketplace.Features.Orders;
using Marten;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Marketplace.Features.Downloads.Copies;

/// <summary>
/// The background job: makes the buyer's copy of one file (<see cref="CopyMaker"/>) from the file's newest revision
/// and records it. The slow part runs outside any transaction; the record is written under the copy's lock, after
/// checking again. Delivered twice, or after another delivery finished, it finds the copy made and does nothing; a
/// copy made from an older revision is replaced and its bytes deleted once the new record commits.
/// </summary>
public static class PrepareCopyHandler
{
    /// <summary>
    /// A large archive may take minutes to copy, past Wolverine's default of one. A failure (the seller's file replaced
    /// and its old bytes deleted mid-copy, storage out of reach) is tried again on fresh data, then dead-lettered; the
    /// copy stays preparing, and the buyer's next link asks for it again after <see cref="CopyRequests.Stuck"/>.
    /// </summary>
    public static void Configure(HandlerChain chain)
    {
        chain.ExecutionTimeoutInSeconds = 30 * 60;
        chain.OnException(_ => true, "the copy could not be made")
            .RetryWithCooldown(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)).Then.MoveToErrorQueue();
    }

    public static async Task<OutgoingMessages> HandleAsync(
        PrepareCopy message, IDocumentSession session, CopyMaker maker, TimeProvider clock, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var id = BuyerCopy.IdOf(message.EntitlementId, message.FileId);
        var entitlement = await session.LoadAsync<Entitlement>(message.EntitlementId, ct);
        var product = entitlement is null ? null : await session.LoadAsync<Product>(entitlement.ProductId, ct);
        var file = product?.Files.Find(f => f.Id == message.FileId);
        if (entitlement is null or { State: EntitlementState.Revoked } || product is null || file is null
            || (await session.LoadAsync<BuyerCopy>(id, ct))?.IsDoneFor(file) == true)
        {
            return messages;
        }

        var buyer = await session.LoadAsync<UserAccount>(entitlement.BuyerId, ct);
        var mark = new LicenseMark(entitlement.Id, entitlement.OrderId, buyer is { DeletedAt: null } ? buyer.DisplayName : "a former member",
            buyer?.Email ?? "", product.Title);
        var made = await maker.MakeAsync(entitlement.Id, file, mark, ct);

        await session.BeginTransactionAsync(ct);
        await CopyRequests.LockAsync(session, id, ct);
        var copy = await session.LoadAsync<BuyerCopy>(id, ct)
            ?? new BuyerCopy { Id = id, EntitlementId = entitlement.Id, FileId = file.Id, BuyerId = entitlement.BuyerId, RequestedAt = clock.GetUtcNow() };
        if (copy.IsDoneFor(file))
        {
            return messages;
        }

        if (copy.BlobKey is { } previous && previous != made.BlobKey && previous.StartsWith(CopyMaker.KeyPrefix, StringComparison.Ordinal))
        {
            messages.Add(new ProductFileDiscarded(previous));
        }

        (copy.State, copy.SourceRevision, copy.BlobKey, copy.Size, copy.Sha256, copy.Note, copy.RefusalReason, copy.MadeAt) =
            (made.State, file.Revision, made.BlobKey, made.Size, made.Sha256, made.Note, made.RefusalReason, clock.GetUtcNow());
        session.Store(copy);
        return messages;
    }
}
