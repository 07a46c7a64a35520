using Marketplace.Features.Catalog;
using Marketplace.Features.Downloads.Copies;
using Marketplace.Features.Downloads.Links;
using Marketplace.Features.Orders;
using Marketplace.Infrastructure.Persistence;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Downloads.Serving;

/// <summary>
/// Decides one request of a verified link, in one transaction: the entitlement is the link's buyer's and still active
/// (a refund or a dispute takes effect on the very next request or range), the file is still the product's, the
/// buyer's copy is made, the range fits, and a download is left; a response that will carry the last byte reserves
/// one (<see cref="DownloadAllowance"/>). A copy not made yet is asked for and the caller waits.
/// </summary>
[WolverineHandler]
public static class DownloadGate
{
    /// <summary>A request of <paramref name="Link"/> from <paramref name="Network"/> (<see cref="LinkSharing.NetworkOf"/>).</summary>
    public sealed record Command(SignedLink Link, RangeRequest Range, string Network);

    public abstract record Decision;

    public sealed record Refuse(DownloadRefusal Refusal) : Decision;

    public sealed record Wait : Decision;

    /// <summary>What to send; <c>Reservation</c> is the download this response completes if it sends its last byte (null for a part before the end).</summary>
    public sealed record Serve(
        string BlobKey, string FileName, string ContentType, string ETag, DateTimeOffset LastModified, ByteSpan Span, Guid? Reservation) : Decision;

    public static async Task<(Decision, OutgoingMessages)> HandleAsync(
        Command command, IDocumentSession session, IOptions<DownloadOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var (link, now) = (command.Link, clock.GetUtcNow());
        var entitlement = await session.LoadAsync<Entitlement>(link.EntitlementId, ct);
        if (entitlement is null || entitlement.BuyerId != link.BuyerId)
        {
            return Refused(DownloadRefusal.NotYours());
        }

        if (StateRefusal(entitlement) is { } state)
        {
            return Refused(state);
        }

        if (await SharingRefusalAsync(session, link, command.Network, now, options.Value, ct) is { } shared)
        {
            return Refused(shared);
        }

        var product = await session.LoadAsync<Product>(entitlement.ProductId, ct);
        if (product?.Files.Find(f => f.Id == link.FileId) is not { } file)
        {
            return Refused(DownloadRefusal.FileRemoved());
        }

        if (ProductRefusal(product) is { } unsafeProduct)
        {
            return Refused(unsafeProduct);
        }

        var copyId = BuyerCopy.IdOf(entitlement.Id, file.Id);
        var copy = await session.LoadAsync<BuyerCopy>(copyId, ct);
        if (copy is null || !copy.IsDoneFor(file))
        {
            await session.BeginTransactionAsync(ct);
            var prepare = await CopyRequests.RequestAsync(session, entitlement, file, now, ct);
            return (new Wait(), prepare is null ? [] : [prepare]);
        }

        if (copy.State == CopyState.Refused || copy.BlobKey is null)
        {
            return Refused(DownloadRefusal.CopyRefused(copy.Note));
        }

        var (etag, modified) = ($"\"{copy.Sha256?[..32]}\"", copy.MadeAt ?? file.UploadedAt);
        if (command.Range.Resolve(copy.Size, etag, modified) is not { } span)
        {
            return Refused(DownloadRefusal.RangeOutside(copy.Size));
        }

        var limit = product.DownloadLimit ?? options.Value.DefaultDownloadLimit;
        await AdvisoryLocks.HoldAsync(session, DownloadAllowance.LockKey(copyId), ct);
        var allowance = await session.LoadAsync<DownloadAllowance>(copyId, ct) ?? new DownloadAllowance { Id = copyId };
        allowance.DropStale(now - options.Value.ReservationLifetime);
        if (allowance.Completed >= limit || (span.ReachesEnd && allowance.Completed + allowance.Reserved.Count >= limit))
        {
            return Refused(DownloadRefusal.Exhausted(limit, inProgress: allowance.Completed < limit));
        }

        Guid? reservation = null;
        if (span.ReachesEnd)
        {
            reservation = Guid.CreateVersion7();
            allowance.Reserved[reservation.Value] = now;
            session.Store(allowance);
        }

        return (new Serve(copy.BlobKey, file.Name, file.ContentType, etag, modified, span, reservation), []);
    }

    /// <summary>Counts the request's network (under the purchase's lock); a refusal when the link is void or this use flags the purchase.</summary>
    private static async Task<DownloadRefusal?> SharingRefusalAsync(
        IDocumentSession session, SignedLink link, string network, DateTimeOffset now, DownloadOptions options, CancellationToken ct)
    {
        await AdvisoryLocks.HoldAsync(session, LinkSharing.LockKey(link.EntitlementId), ct);
        var sharing = await session.LoadAsync<LinkSharing>(link.EntitlementId, ct) ?? new LinkSharing { Id = link.EntitlementId };
        if (sharing.Voids(link))
        {
            return DownloadRefusal.Shared(options.MaxNetworksPerLink);
        }

        var outcome = sharing.Use(network, now, options);
        if (outcome != LinkSharing.Outcome.Known)
        {
            session.Store(sharing);
        }

        return outcome == LinkSharing.Outcome.Flagged ? DownloadRefusal.Shared(options.MaxNetworksPerLink) : null;
    }

    /// <summary>Why an entitlement in this state gives nothing; null while it is active.</summary>
    public static DownloadRefusal? StateRefusal(Entitlement entitlement) => entitlement.State switch
    {
        EntitlementState.Revoked => DownloadRefusal.Revoked(),
        EntitlementState.Frozen => DownloadRefusal.Frozen(),
        _ => null,
    };

    /// <summary>A product taken down as malware is never delivered again, whatever was bought; other takedowns leave buyers their files.</summary>
    public static DownloadRefusal? ProductRefusal(Product product) => product.Takedown is { Malware: true } ? DownloadRefusal.Malware() : null;

    private static (Decision, OutgoingMessages) Refused(DownloadRefusal refusal) => (new Refuse(refusal), []);
}
