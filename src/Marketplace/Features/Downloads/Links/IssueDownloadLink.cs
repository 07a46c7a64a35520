using Marketplace.Features.Accounts;
using Marketplace.Features.Catalog;
using Marketplace.Features.Downloads.Copies;
using Marketplace.Features.Downloads.Library;
using Marketplace.Features.Downloads.Serving;
using Marketplace.Features.Orders;
using Marketplace.Infrastructure.Persistence;
using Marketplace.Infrastructure.Web;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Downloads.Links;

/// <summary>
/// <c>POST /api/library/{entitlementId}/files/{fileId}/link</c>: a fresh signed link to the buyer's copy of a file, for
/// as long as the product's link lifetime (1 hour by default). Only the entitlement's buyer gets one (anyone else: the
/// 404 of an entitlement that does not exist), only while it is active and downloads are left. A copy that is not
/// made yet (or was made from an older revision of the file) is asked for in the same transaction.
/// </summary>
[WolverineHandler]
public static class IssueDownloadLink
{
    public sealed record Response(string Url, DateTimeOffset ExpiresAt, int RemainingDownloads, string Copy);

    /// <summary><paramref name="SignedInAt"/>: when the caller's session signed in (<see cref="SignInTime"/>), if known.</summary>
    public sealed record Command(Guid EntitlementId, Guid FileId, Guid BuyerId, DateTimeOffset? SignedInAt);

    public sealed record Outcome(string? Path, Response? Link, IResult? Problem);

    public static void Map(RouteGroupBuilder library) =>
        library.MapPost("/{entitlementId:guid}/files/{fileId:guid}/link", PostAsync).RequireAuthorization(Policies.Member).WithName("IssueDownloadLink")
            .WithSummary("A fresh signed link to the buyer's copy of the file: {url, expiresAt}. 410 when revoked, frozen or no downloads are left.")
            .Produces<Response>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone);

    public static async Task<IResult> PostAsync(Guid entitlementId, Guid fileId, IMessageBus bus, HttpContext http)
    {
        var command = new Command(entitlementId, fileId, Members.IdOf(http.User)!.Value, SignInTime.Of(http.User));
        var outcome = await bus.InvokeAsync<Outcome>(command, http.RequestAborted, UseCases.InvokeTimeout);
        return outcome.Problem ?? TypedResults.Ok(outcome.Link! with { Url = PublicUrl.Of(http) + outcome.Path });
    }

    public static async Task<(Outcome, OutgoingMessages)> HandleAsync(
        Command command, IDocumentSession session, DownloadLinks links, IOptions<DownloadOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var entitlement = await session.LoadAsync<Entitlement>(command.EntitlementId, ct);
        var product = entitlement is null ? null : await session.LoadAsync<Product>(entitlement.ProductId, ct);
        if (entitlement is null || entitlement.BuyerId != command.BuyerId || product?.Files.Find(f => f.Id == command.FileId) is not { } file)
        {
            return Refused(TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound, title: "No such file in your library."));
        }

        if ((DownloadGate.StateRefusal(entitlement) ?? DownloadGate.ProductRefusal(product)) is { } refusal)
        {
            return Refused(Problem(refusal));
        }

        var copyId = BuyerCopy.IdOf(entitlement.Id, file.Id);
        var limit = product.DownloadLimit ?? options.Value.DefaultDownloadLimit;
        var completed = (await session.LoadAsync<DownloadAllowance>(copyId, ct))?.Completed ?? 0;
        if (completed >= limit)
        {
            return Refused(Problem(DownloadRefusal.Exhausted(limit, inProgress: false)));
        }

        var now = clock.GetUtcNow();
        await AdvisoryLocks.HoldAsync(session, LinkSharing.LockKey(entitlement.Id), ct);
        if (await session.LoadAsync<LinkSharing>(entitlement.Id, ct) is { FlaggedAt: { } flaggedAt } sharing)
        {
            // Shared links stop; the buyer gets new ones by proving, after the flag, that they are who they are.
            if (command.SignedInAt is not { } signedIn || signedIn <= flaggedAt)
            {
                return Refused(Problem(DownloadRefusal.SignInAgain()));
            }

            sharing.Clear();
            session.Store(sharing);
        }

        var prepare = await CopyRequests.RequestAsync(session, entitlement, file, now, ct);
        var copy = prepare is null ? await session.LoadAsync<BuyerCopy>(copyId, ct) : null;
        if (copy is { State: CopyState.Refused })
        {
            return Refused(Problem(DownloadRefusal.CopyRefused(copy.Note)));
        }

        var lifetime = product.LinkLifetimeMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : options.Value.DefaultLinkLifetime;
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds((now + lifetime).ToUnixTimeSeconds());
        var path = links.Sign(entitlement.Id, file.Id, entitlement.BuyerId, expiresAt);
        var response = new Response(path, expiresAt, limit - completed, LibraryNames.Copy(copy?.State ?? CopyState.Preparing));
        return (new Outcome(path, response, null), prepare is null ? [] : [prepare]);
    }

    private static IResult Problem(DownloadRefusal refusal) => TypedResults.Problem(refusal.ToProblem());

    private static (Outcome, OutgoingMessages) Refused(IResult problem) => (new Outcome(null, null, problem), []);
}
