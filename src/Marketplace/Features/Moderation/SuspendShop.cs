using FluentValidation;
using Marketplace.Features.Shops;
using Marketplace.Infrastructure.Persistence;
using Marketplace.Infrastructure.Web;
using Marten;
using Wolverine;
using Wolverine.Attributes;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Marketplace.Features.Moderation;

/// <summary>
/// <c>POST /api/admin/shops/{shopId}/suspend</c> <c>{reason}</c> and <c>/reinstate</c> (admins): a suspended shop's
/// products leave the catalog and its support category closes (both follow <see cref="ShopStatusChanged"/>); buyers
/// keep their downloads. A closed shop stays closed. Audited.
/// </summary>
[WolverineHandler]
public static class SuspendShop
{

    public sealed record Request(string Reason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() =>
            RuleFor(r => r.Reason).ModerationReason("seller");
    }

    public sealed record Command(Guid ShopId, AuditActor Actor, ShopStatus Status, string Reason);

    public sealed record Response(Guid ShopId, string Status, string? Reason);

    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapPost("/shops/{shopId:guid}/suspend", SuspendAsync).Validate<Request>().WithName("SuspendShop")
            .WithSummary("Suspends a shop: its products leave the catalog, its support category closes; buyers keep their downloads.")
            .Produces<Response>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPost("/shops/{shopId:guid}/reinstate", ReinstateAsync).Validate<Request>().WithName("ReinstateShop")
            .WithSummary("Reinstates a suspended shop: its published products return to the catalog.")
            .Produces<Response>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static Task<IResult> SuspendAsync(Guid shopId, Request request, IMessageBus bus, HttpContext http) =>
        bus.InvokeAsync<IResult>(new Command(shopId, AuditActor.Of(http.User), ShopStatus.Suspended, request.Reason.Trim()), http.RequestAborted, UseCases.InvokeTimeout);

    public static Task<IResult> ReinstateAsync(Guid shopId, Request request, IMessageBus bus, HttpContext http) =>
        bus.InvokeAsync<IResult>(new Command(shopId, AuditActor.Of(http.User), ShopStatus.Active, request.Reason.Trim()), http.RequestAborted, UseCases.InvokeTimeout);

    /// <summary>The seller may be renaming the shop at the same moment: the decision is made again on the new version.</summary>
    public static void Configure(HandlerChain chain) =>
        chain.OnException(e => e.IsConcurrencyConflict(), "the shop changed meanwhile").RetryTimes(3);

    public static async Task<(IResult, OutgoingMessages)> HandleAsync(Command command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var shop = await session.LoadAsync<Shop>(command.ShopId, ct);
        if (shop is null)
        {
            return (ModerationProblems.ShopNotFound(), []);
        }

        if (shop.Status == ShopStatus.Closed)
        {
            return (TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, type: ProblemTypes.Conflict, title: "The shop is closed.",
                detail: "Its owner deleted their account; a closed shop cannot be suspended or reinstated."), []);
        }

        if (shop.Status == command.Status)
        {
            return (TypedResults.Ok(Answer(shop)), []);
        }

        var now = clock.GetUtcNow();
        var before = Snapshot(shop);
        shop.Status = command.Status;
        shop.StatusReason = command.Status == ShopStatus.Suspended ? command.Reason : null;
        shop.UpdatedAt = now;
        session.Update(shop);
        AuditTrail.Record(session, command.Actor, command.Status == ShopStatus.Suspended ? "shop.suspend" : "shop.reinstate", "shop", $"{shop.Id}",
            command.Reason, before, Snapshot(shop), now);
        return (TypedResults.Ok(Answer(shop)), [new ShopStatusChanged(shop.Id, shop.Status, now)]);
    }

    private static Response Answer(Shop shop) => new(shop.Id, shop.Status.ToString().ToLowerInvariant(), shop.StatusReason);

    private static Dictionary<string, string?> Snapshot(Shop shop) =>
        new() { ["status"] = shop.Status.ToString().ToLowerInvariant(), ["statusReason"] = shop.StatusReason };
}
