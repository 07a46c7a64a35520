using Marketplace.Features.Accounts;
using Marketplace.Features.Downloads.Copies;
using Marketplace.Features.Downloads.Links;
using Marketplace.Infrastructure.Persistence;
using Marketplace.Infrastructure.Web;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;

namespace Marketplace.Features.Downloads.Serving;

/// <summary>
/// <c>GET /downloads/{entitlementId}/{fileId}?buyer=…&amp;expires=…&amp;key=…&amp;sig=…</c>: the buyer's copy. The signature
/// and the expiry are checked before anything else (403 altered, 410 expired); then <see cref="DownloadGate"/> decides,
/// a copy still being made is waited for (bounded, else 503 with Retry-After), and <see cref="FileDelivery"/> sends it.
/// Every request is audited (<see cref="RecordAttempt"/>), whatever its outcome.
/// </summary>
public static class ServeDownload
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet($"{DownloadLinks.PathPrefix}/{{entitlement}}/{{file}}", GetAsync).AllowAnonymous().RequireRateLimiting(RateLimiting.Api)
            .WithTags("Downloads").WithName("Download")
            .WithSummary("The buyer's copy of a file, from a signed link (POST /api/library/{entitlementId}/files/{fileId}/link); supports one Range.")
            .Produces(StatusCodes.Status200OK).Produces(StatusCodes.Status206PartialContent).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status410Gone).ProducesProblem(StatusCodes.Status416RangeNotSatisfiable)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    public static async Task GetAsync(
        string entitlement, string file, HttpContext http, DownloadLinks links, FileDelivery delivery, IMessageBus bus, IQuerySession session,
        IOptions<DownloadOptions> options, TimeProvider clock)
    {
        var ct = http.RequestAborted;
        var query = http.Request.Query;
        var attempt = new DownloadAttempt
        {
            Id = Guid.CreateVersion7(), At = clock.GetUtcNow(), Address = http.Connection.RemoteIpAddress?.ToString() ?? "",
            UserAgent = Printable(http.Request.Headers.UserAgent.ToString(), 300),
        };
        var range = RangeRequest.Of(http.Request);
        attempt.Range = range.Text is null ? null : Printable(range.Text, 100);
        var check = links.Check(entitlement, file, query["buyer"], query["issued"], query["expires"], query["key"], query["sig"]);
        (string CopyId, Guid? Reservation)? held = null;
        try
        {
            if (check is LinkCheck.Tampered tampered)
            {
                await RefuseAsync(http, attempt, DownloadRefusal.Tampered(tampered.Why));
                return;
            }

            var link = check is LinkCheck.Valid valid ? valid.Link : ((LinkCheck.Expired)check).Link;
            (attempt.EntitlementId, attempt.FileId, attempt.BuyerId) = (link.EntitlementId, link.FileId, link.BuyerId);
            var refusal = check is LinkCheck.Expired ? DownloadRefusal.Expired(link.ExpiresAt)
                : Members.IdOf(http.User) is { } caller && caller != link.BuyerId ? DownloadRefusal.NotYours()
                : range.Several ? DownloadRefusal.OneRangeOnly()
                : null;
            if (refusal is not null)
            {
                await RefuseAsync(http, attempt, refusal);
                return;
            }

            var network = LinkSharing.NetworkOf(http.Connection.RemoteIpAddress);
            var decision = await DecideAsync(new DownloadGate.Command(link, range, network), bus, session, options.Value.CopyWait, clock, ct);
            if (decision is not DownloadGate.Serve serve)
            {
                var why = decision is DownloadGate.Refuse refuse ? refuse.Refusal : DownloadRefusal.CopyNotReady(RetryAfter);
                if (decision is DownloadGate.Wait)
                {
                    RateLimiting.SetRetryAfter(http, RetryAfter);
                }

                await RefuseAsync(http, attempt, why);
                return;
            }

            held = (BuyerCopy.IdOf(link.EntitlementId, link.FileId), serve.Reservation);
            var outcome = await delivery.SendAsync(http, serve, ct);
            attempt.Status = http.Response.StatusCode;
            attempt.Result = FileDelivery.Describe(outcome, serve.Span);
            attempt.Bytes = outcome == FileDelivery.Outcome.Sent ? serve.Span.Length : 0;
            attempt.Counted = serve.Reservation is not null && outcome != FileDelivery.Outcome.Aborted;
        }
        finally
        {
            if (attempt.Result.Length == 0)
            {
                (attempt.Status, attempt.Result) = (StatusCodes.Status500InternalServerError, "failed");
            }

            // The audit and the count are written whatever happened to the response, the client gone included.
            await bus.InvokeAsync(new RecordAttempt.Command(attempt, held?.CopyId, held?.Reservation), CancellationToken.None, UseCases.InvokeTimeout);
        }
    }

    /// <summary>The gate's decision; while the copy is being made, waits for it (reading, every quarter second) up to <paramref name="wait"/>.</summary>
    private static async Task<DownloadGate.Decision> DecideAsync(
        DownloadGate.Command command, IMessageBus bus, IQuerySession session, TimeSpan wait, TimeProvider clock, CancellationToken ct)
    {
        var (link, deadline) = (command.Link, clock.GetUtcNow() + wait);
        while (true)
        {
            var decision = await bus.InvokeAsync<DownloadGate.Decision>(command, ct, UseCases.InvokeTimeout);
            if (decision is not DownloadGate.Wait)
            {
                return decision;
            }

            var copyId = BuyerCopy.IdOf(link.EntitlementId, link.FileId);
            while (clock.GetUtcNow() < deadline && (await session.LoadAsync<BuyerCopy>(copyId, ct))?.State is null or CopyState.Preparing)
            {
                await Task.Delay(Poll, clock, ct);
            }

            if (clock.GetUtcNow() >= deadline)
            {
                return decision;
            }
        }
    }

    private static async Task RefuseAsync(HttpContext http, DownloadAttempt attempt, DownloadRefusal refusal)
    {
        (attempt.Status, attempt.Result) = (refusal.Status, refusal.Result);
        if (refusal.ContentRange is { } unsatisfiable)
        {
            http.Response.Headers.ContentRange = unsatisfiable;
        }

        if (ErrorResponses.WantsHtml(http))
        {
            // The error page shows the reason (ErrorExplanation) with a way back to the library.
            http.Features.Set(new ErrorExplanation(refusal.Title, refusal.Detail, refusal.ActionText, refusal.ActionUrl));
            http.Response.StatusCode = refusal.Status;
            return;
        }

        await ErrorResponses.WriteAsync(http, refusal.ToProblem());
    }

    private static string Printable(string text, int max) => new([.. text.Take(max).Select(c => char.IsControl(c) ? '?' : c)]);
}
