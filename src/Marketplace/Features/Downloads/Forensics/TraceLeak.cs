using Marketplace.Features.Accounts;
using Marketplace.Features.Orders;
using Marketplace.Features.Shops;
using Marketplace.Infrastructure.Files;
using Marketplace.Infrastructure.Web;
using Marten;

namespace Marketplace.Features.Downloads.Forensics;

/// <summary>
/// <c>POST /api/forensics/trace</c> (multipart <c>file</c>): a moderator, or the seller of the product, uploads a suspected
/// leak; the file comes off the wire as product files do (streamed to a temporary file, the same size limit, one upload
/// at a time per member), <see cref="LeakTracer"/> reads the mark its kind carries, and the answer names the order and
/// entitlement it was made for. Only moderators see the buyer. A clean file, an unknown mark and another shop's
/// product are all the same 404: a seller learns nothing about other shops' orders.
/// </summary>
public static class TraceLeak
{
    public sealed record Buyer(Guid Id, string Name, string? Email);

    public sealed record Response(Guid OrderId, Guid? EntitlementId, Guid? ProductId, string Evidence, Buyer? Buyer);

    private static readonly TimeSpan RetryWhenBusy = TimeSpan.FromSeconds(10);

    public static void Map(RouteGroupBuilder forensics) =>
        forensics.MapPost("/trace", PostAsync).RequireAuthorization(Policies.Member).WithName("TraceLeak")
            .WithSummary("Traces a suspected leak (multipart `file`, streamed; up to `Files:MaxBytes`) to the order it was made for; " +
                "moderators and the product's seller only, the buyer's details to moderators only. 404 when no mark of the caller's products is found.")
            .Accepts<IFormFile>("multipart/form-data").Produces<Response>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    public static async Task<IResult> PostAsync(
        HttpContext http, IQuerySession session, UploadStaging staging, UploadSlots slots, LeakTracer tracer)
    {
        var ct = http.RequestAborted;
        var userId = Members.IdOf(http.User) ?? Guid.Empty;
        var moderator = http.User.IsInRole(Roles.Moderator) || http.User.IsInRole(Roles.Admin);
        var shop = moderator ? null : await ShopAccess.OwnedByAsync(session, userId, ct);
        if (!moderator && shop is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, type: ProblemTypes.ForStatus(StatusCodes.Status403Forbidden),
                title: "Only moderators and sellers can trace a leaked file.");
        }

        using var slot = slots.TryTake(userId, out var busy);
        if (slot is null)
        {
            RateLimiting.SetRetryAfter(http, RetryWhenBusy);
            return busy!.ToProblem();
        }

        var staged = await staging.StageAsync(http.Request, ct);
        if (staged is StagingResult.Refused refused)
        {
            return refused.ToProblem();
        }

        TraceResult traced;
        await using (var upload = ((StagingResult.Staged)staged).Upload)
        await using (var content = upload.OpenRead())
        {
            traced = await tracer.TraceAsync(content, ct);
        }

        return await AnswerAsync(session, traced, shop?.Id, moderator, ct);
    }

    /// <summary>
    /// The order the mark names, and the lines it speaks for: the entitlement's line, or with the PDF stamp alone (it
    /// names the order) every line of it; for a seller only the lines of their own shop.
    /// </summary>
    private static async Task<IResult> AnswerAsync(IQuerySession session, TraceResult traced, Guid? sellerShop, bool moderator, CancellationToken ct)
    {
        if (traced is TraceResult.NoMark none)
        {
            return NotFound(none.Message);
        }

        var entitlement = traced is TraceResult.Found found ? await session.LoadAsync<Entitlement>(found.EntitlementId, ct) : null;
        var orderId = traced is TraceResult.OrderNamed named ? named.OrderId : entitlement?.OrderId;
        var evidence = traced switch
        {
            TraceResult.Found mark => mark.Evidence,
            TraceResult.OrderNamed stamp => stamp.Evidence,
            _ => "",
        };
        if (orderId is not { } id || await session.LoadAsync<Order>(id, ct) is not { } order)
        {
            return NotFound(NoOrder);
        }

        var lines = order.Lines.Where(line => (entitlement is null || line.Number == entitlement.Line) && (sellerShop is null || line.ShopId == sellerShop)).ToList();
        if (lines.Count == 0)
        {
            return NotFound(TraceResult.Clean);
        }

        var buyer = moderator && await session.LoadAsync<UserAccount>(order.BuyerId, ct) is { } account
            ? new Buyer(account.Id, account.DisplayName, account.Email)
            : null;
        var productId = entitlement?.ProductId ?? (lines.Select(line => line.ProductId).Distinct().Count() == 1 ? lines[0].ProductId : null);
        return TypedResults.Ok(new Response(order.Id, entitlement?.Id, productId, evidence, buyer));
    }

    private const string NoOrder = "A licence mark was found, but it names no order of this marketplace.";

    private static IResult NotFound(string message) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.ForStatus(StatusCodes.Status404NotFound), title: message);
}
