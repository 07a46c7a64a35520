using Marketplace.Infrastructure.Persistence;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Moderation;

/// <summary>
/// <c>POST /api/moderation/queue/{itemId}/claim</c> (moderators): the caller works on the item for
/// <see cref="ModerationOptions.ClaimFor"/>; another moderator's claim meanwhile is a 409 naming who holds it. Claiming
/// again extends one's own claim.
/// </summary>
[WolverineHandler]
public static class ClaimQueueItem
{
    public sealed record Command(string ItemId, AuditActor Actor);

    public static void Map(RouteGroupBuilder queue) =>
        queue.MapPost("/{itemId}/claim", ClaimAsync).WithName("ClaimQueueItem")
            .WithSummary("Claims a queue item for a while; 409 naming the holder when another moderator has it.")
            .Produces<QueueClaim>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    public static async Task<IResult> ClaimAsync(string itemId, IMessageBus bus, HttpContext http) =>
        QueueItem.IsWellFormed(itemId)
            ? await bus.InvokeAsync<IResult>(new Command(itemId, AuditActor.Of(http.User)), http.RequestAborted, UseCases.InvokeTimeout)
            : ModerationQueue.NotFound();

    public static async Task<IResult> HandleAsync(Command command, IDocumentSession session, TimeProvider clock, IOptions<ModerationOptions> options, CancellationToken ct)
    {
        // Two moderators claiming at once take turns: the second sees the first's claim.
        await AdvisoryLocks.HoldAsync(session, $"queue:{command.ItemId}", ct);
        var item = await session.LoadAsync<QueueItem>(command.ItemId, ct);
        if (item is null)
        {
            return ModerationQueue.NotFound();
        }

        var now = clock.GetUtcNow();
        if (!item.IsOpen)
        {
            return ModerationQueue.Resolved(item);
        }

        if (item.IsHeldByAnother(command.Actor.Id, now))
        {
            return ModerationQueue.HeldByAnother(item);
        }

        item.ClaimedBy = command.Actor.Id;
        item.ClaimedByName = command.Actor.Name;
        var until = now + options.Value.ClaimFor;
        item.ClaimedUntil = until;
        session.Store(item);
        return TypedResults.Ok(new QueueClaim(command.Actor.Id, command.Actor.Name, until));
    }
}
