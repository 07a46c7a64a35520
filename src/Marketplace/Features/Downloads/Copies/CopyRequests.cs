using Marketplace.Features.Catalog;
using Marketplace.Features.Orders;
using Marten;

namespace Marketplace.Features.Downloads.Copies;

/// <summary>Makes the buyer's copy of one file: the durable message of the background job.</summary>
public sealed record PrepareCopy(Guid EntitlementId, Guid FileId);

/// <summary>
/// Asks for buyers' copies: a copy that does not exist yet, or was made from an older revision of the file, is
/// recorded as preparing and its <see cref="PrepareCopy"/> returned, to commit in the caller's transaction. Every
/// write of a <see cref="BuyerCopy"/> holds the copy's advisory lock, so requests and the job take turns; the caller
/// has opened the session's transaction. A request still preparing after <see cref="Stuck"/> (its job was dead-lettered)
/// is asked for again.
/// </summary>
public static class CopyRequests
{
    public static readonly TimeSpan Stuck = TimeSpan.FromMinutes(15);

    public static string LockKey(string copyId) => $"copy:{copyId}";

    public static Task LockAsync(IDocumentSession session, string copyId, CancellationToken ct) =>
        session.QueryAsync<int>("select 1 from pg_advisory_xact_lock(hashtextextended(?, 0))", ct, LockKey(copyId));

    /// <summary>The message to send for each file of the entitlement's product whose copy is missing or stale.</summary>
    public static async Task<IReadOnlyList<PrepareCopy>> RequestAllAsync(
        IDocumentSession session, Entitlement entitlement, Product product, DateTimeOffset now, CancellationToken ct)
    {
        var messages = new List<PrepareCopy>();
        foreach (var file in product.Files)
        {
            if (await RequestAsync(session, entitlement, file, now, ct) is { } message)
            {
                messages.Add(message);
            }
        }

        return messages;
    }

    /// <summary>The message to send when the copy of this file is missing or stale; null when it is made or being made.</summary>
    public static async Task<PrepareCopy?> RequestAsync(IDocumentSession session, Entitlement entitlement, ProductFile file, DateTimeOffset now, CancellationToken ct)
    {
        var id = BuyerCopy.IdOf(entitlement.Id, file.Id);
        await LockAsync(session, id, ct);
        var copy = await session.LoadAsync<BuyerCopy>(id, ct);
        var underWay = copy is { State: CopyState.Preparing } && copy.SourceRevision == file.Revision && now - copy.RequestedAt < Stuck;
        if (copy is not null && (copy.IsDoneFor(file) || underWay))
        {
            return null;
        }

        copy ??= new BuyerCopy { Id = id, EntitlementId = entitlement.Id, FileId = file.Id, BuyerId = entitlement.BuyerId };
        copy.State = CopyState.Preparing;
        copy.SourceRevision = file.Revision;
        copy.RequestedAt = now;
        session.Store(copy);
        return new PrepareCopy(entitlement.Id, file.Id);
    }
}
