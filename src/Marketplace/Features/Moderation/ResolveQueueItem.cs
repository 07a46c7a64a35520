using FluentValidation;
using Marketplace.Features.Forum;
using Marketplace.Infrastructure.Persistence;
using Marketplace.Infrastructure.Web;
using Marten;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Moderation;

public static class QueueOutcomes
{
    public const string Upheld = "upheld";
    public const string Dismissed = "dismissed";
}

/// <summary>
/// <c>POST /api/moderation/queue/{itemId}/resolve</c> <c>{outcome, reason, malware}</c> (moderators): closes an item.
/// An upheld post stays hidden (or is hidden); dismissed flags bring back a post their count hid. An upheld product
/// report takes the product down through <see cref="TakeDownProduct"/>. A product awaiting review is
/// <c>approved</c> (reason optional) or <c>rejected</c> (<see cref="ProductReviews"/>). Refused while another moderator
/// holds the item. Audited as <c>queue.{outcome}</c>.
/// </summary>
[WolverineHandler]
public static class ResolveQueueItem
{
    public sealed record Request(string Outcome, string? Reason, bool Malware = false);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Outcome).Must(o => o is QueueOutcomes.Upheld or QueueOutcomes.Dismissed or ProductReviews.Approved or ProductReviews.Rejected)
                .WithMessage("Choose upheld or dismissed (approved or rejected for a product awaiting review).");
            RuleFor(r => r.Reason).NotEmpty().When(r => r.Outcome != ProductReviews.Approved).WithMessage("Say why: the log keeps it.");
            RuleFor(r => r.Reason).MaximumLength(ModerationNote.MaxReasonLength);
        }
    }

    public sealed record Command(string ItemId, AuditActor Actor, string Outcome, string Reason, bool Malware);

    public sealed record Response(string Id, string Outcome, DateTimeOffset ResolvedAt);

    public static void Map(RouteGroupBuilder queue) =>
        queue.MapPost("/{itemId}/resolve", ResolveAsync).Validate<Request>().WithName("ResolveQueueItem")
            .WithSummary("Upholds or dismisses an item's flags or reports; an upheld product report takes the product down.")
            .Produces<Response>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    public static async Task<IResult> ResolveAsync(string itemId, Request request, IMessageBus bus, HttpContext http) =>
        QueueItem.IsWellFormed(itemId)
            ? await bus.InvokeAsync<IResult>(new Command(itemId, AuditActor.Of(http.User), request.Outcome, request.Reason?.Trim() ?? "", request.Malware),
                http.RequestAborted, UseCases.InvokeTimeout)
            : ModerationQueue.NotFound();

    public static async Task<(IResult, OutgoingMessages)> HandleAsync(Command command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        await AdvisoryLocks.HoldAsync(session, $"queue:{command.ItemId}", ct);
        var item = await session.LoadAsync<QueueItem>(command.ItemId, ct);
        if (item is null)
        {
            return (ModerationQueue.NotFound(), []);
        }

        var now = clock.GetUtcNow();
        if (!item.IsOpen)
        {
            return (ModerationQueue.Resolved(item), []);
        }

        if (item.IsHeldByAnother(command.Actor.Id, now))
        {
            return (ModerationQueue.HeldByAnother(item), []);
        }

        if ((item.Kind == QueueKinds.Review) != (command.Outcome is ProductReviews.Approved or ProductReviews.Rejected))
        {
            return (TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, type: ProblemTypes.BadRequest, title: "That decision does not fit this item.",
                detail: item.Kind == QueueKinds.Review ? "A product awaiting review is approved or rejected." : "Flags and reports are upheld or dismissed."), []);
        }

        var upheld = command.Outcome == QueueOutcomes.Upheld;
        var messages = new OutgoingMessages();
        var outcome = command.Outcome;
        IResult? refused = null;
        if (item.Kind == QueueKinds.Review)
        {
            (refused, var decided) = await ProductReviews.DecideAsync(session, item.TargetId, command.Outcome == ProductReviews.Approved, command.Actor, command.Reason, now, ct);
            messages.AddRange(decided);
            outcome = refused is null ? outcome : ProductReviews.Withdrawn;
        }
        else if (item.Kind == QueueKinds.Post)
        {
            // Upheld: the post stays hidden (or is hidden now). Dismissed: back, if the flags alone had hidden it.
            if (upheld || item.AutoHidden)
            {
                var (_, changed) = await PostModeration.HandleAsync(new PostModeration.SetHidden(item.TargetId, upheld, command.Actor, command.Reason), session, clock, ct);
                messages.AddRange(changed);
            }

            foreach (var flag in await session.Query<PostFlag>().Where(f => f.PostId == item.TargetId && f.ResolvedAt == null).ToListAsync(ct))
            {
                (flag.ResolvedAt, flag.Outcome) = (now, command.Outcome);
                session.Update(flag);
            }
        }
        else
        {
            if (upheld)
            {
                await TakeDownProduct.HandleAsync(new TakeDownProduct.Command(item.TargetId, command.Actor, command.Reason, command.Malware, TakeDown: true), session, clock, ct);
            }

            foreach (var report in await session.Query<ProductReport>().Where(r => r.ProductId == item.TargetId && r.ResolvedAt == null).ToListAsync(ct))
            {
                (report.ResolvedAt, report.Outcome) = (now, command.Outcome);
                session.Update(report);
            }
        }

        (item.ResolvedAt, item.Outcome, item.ResolvedBy) = (now, outcome, command.Actor.Id);
        session.Store(item);
        AuditTrail.Record(session, command.Actor, $"queue.{outcome}", item.Kind, $"{item.TargetId}", command.Reason,
            new() { ["status"] = "open" }, new() { ["status"] = outcome }, now);
        return (refused ?? TypedResults.Ok(new Response(item.Id, outcome, now)), messages);
    }
}
