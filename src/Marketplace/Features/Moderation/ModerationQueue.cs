using System.Diagnostics.CodeAnalysis;
using Marketplace.Infrastructure.Web;
using Marten;

namespace Marketplace.Features.Moderation;

/// <summary>What a queue item is about.</summary>
public static class QueueKinds
{
    public const string Post = "post";
    public const string Product = "product";

    /// <summary>A new shop's product awaiting approval before it enters the catalog.</summary>
    public const string Review = "review";
}

/// <summary>
/// One thing in the moderators' queue: a flagged post, a reported product or a product awaiting review, one item per
/// target (id <c>post-{id}</c>, <c>product-{id}</c>, <c>review-{id}</c>). Resolving closes it; a new flag, report or
/// publication afterwards opens it again.
/// </summary>
public sealed class QueueItem
{
    public string Id { get; set; } = "";
    public string Kind { get; set; } = "";
    public Guid TargetId { get; set; }
    public DateTimeOffset OpenedAt { get; set; }

    /// <summary>The post was hidden by its flags alone; dismissing the flags brings it back.</summary>
    public bool AutoHidden { get; set; }

    public Guid? ClaimedBy { get; set; }
    public string? ClaimedByName { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? Outcome { get; set; }
    public Guid? ResolvedBy { get; set; }

    public bool IsOpen => ResolvedAt is null;

    public bool IsHeldByAnother(Guid moderatorId, DateTimeOffset now) => ClaimedBy is { } holder && holder != moderatorId && ClaimedUntil > now;

    public static string IdOf(string kind, Guid targetId) => $"{kind}-{targetId:N}";

    /// <summary>Only well-formed ids reach the database (a route value can hold anything, a NUL included).</summary>
    public static bool IsWellFormed([NotNullWhen(true)] string? id) =>
        id is { Length: <= 40 } && id.Split('-') is [QueueKinds.Post or QueueKinds.Product or QueueKinds.Review, var target] && Guid.TryParseExact(target, "N", out _);
}

public static class ModerationQueue
{
    /// <summary>Opens the target's item, or opens it again once resolved; called in the flag's or report's transaction.</summary>
    public static async Task<QueueItem> OpenAsync(IDocumentSession session, string kind, Guid targetId, DateTimeOffset now, CancellationToken ct)
    {
        var item = await session.LoadAsync<QueueItem>(QueueItem.IdOf(kind, targetId), ct);
        if (item is { IsOpen: true })
        {
            return item;
        }

        item = new QueueItem { Id = QueueItem.IdOf(kind, targetId), Kind = kind, TargetId = targetId, OpenedAt = now };
        session.Store(item);
        return item;
    }

    public static IResult NotFound() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound, title: "No such item in the queue.");

    public static IResult Resolved(QueueItem item) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, type: ProblemTypes.Conflict, title: "This item is already resolved.",
        detail: $"It was {item.Outcome} at {item.ResolvedAt:u}.");

    public static IResult HeldByAnother(QueueItem item) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, type: ProblemTypes.Conflict, title: $"{item.ClaimedByName} is working on this item.",
        detail: $"{item.ClaimedByName} claimed it until {item.ClaimedUntil:u}.",
        extensions: new Dictionary<string, object?> { ["claimedBy"] = item.ClaimedBy, ["claimedByName"] = item.ClaimedByName, ["claimedUntil"] = item.ClaimedUntil });
}
