using FluentValidation;
using Marketplace.Features.Moderation;
using Marketplace.Infrastructure.Persistence;
using Marketplace.Infrastructure.Web;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Forum;

/// <summary>A member's report of a post for the moderation queue; one per member per post (id: post and member).</summary>
public sealed class PostFlag
{
    public string Id { get; set; } = "";
    public Guid PostId { get; set; }
    public Guid ThreadId { get; set; }
    public Guid MemberId { get; set; }

    /// <summary>One of <see cref="FlagPost.Reasons"/>.</summary>
    public string Reason { get; set; } = "";

    public string? Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary><c>upheld</c> or <c>dismissed</c> once a moderator resolved it.</summary>
    public string? Outcome { get; set; }

    public static string IdOf(Guid postId, Guid memberId) => $"{postId:N}:{memberId:N}";
}

/// <summary>
/// <c>POST /api/forum/posts/{postId}/flags</c> <c>{reason, text}</c> (members): puts the post in the moderation queue.
/// When enough distinct trusted members flagged it (<see cref="ModerationOptions"/>), it is hidden until reviewed,
/// through the moderators' own hide path (readers see it go live; the audit log names "system").
/// </summary>
[WolverineHandler]
public static class FlagPost
{
    public const int MaxTextLength = ReportRules.MaxTextLength;

    public static readonly string[] Reasons = ["spam", "abuse", "off-topic", "other"];

    public sealed record Request(string Reason, string? Text = null);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => ReportRules.Add(this, x => x.Reason, x => x.Text, Reasons, "post");
    }

    public sealed record Command(Guid PostId, Guid MemberId, string Reason, string? Text);

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/posts/{postId:guid}/flags", PostAsync).Validate<Request>()
            .RequireAuthorization(Accounts.Policies.Member).WithName("FlagPost")
            .WithSummary("Reports a post to the moderators (spam, abuse, off-topic, other). 202; flagging the same post again changes nothing.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    public static Task<IResult> PostAsync(Guid postId, Request request, IMessageBus bus, HttpContext http) =>
        bus.InvokeAsync<IResult>(new Command(postId, ForumActor.Of(http.User)!.Id, request.Reason, Blank(request.Text)), http.RequestAborted, UseCases.InvokeTimeout);

    public static async Task<(IResult, OutgoingMessages)> HandleAsync(
        Command command, IDocumentSession session, TimeProvider clock, IOptions<ModerationOptions> options, CancellationToken ct)
    {
        // Flags of one post take turns: concurrent duplicates make one flag, and the count that hides the post is exact.
        await AdvisoryLocks.HoldAsync(session, $"flags:post:{command.PostId}", ct);
        var post = await session.LoadAsync<ForumPost>(command.PostId, ct);
        if (post is null || post.Hidden)
        {
            return (ForumProblems.PostNotFound(), []);
        }

        if (post.AuthorId == command.MemberId)
        {
            return (TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, type: ProblemTypes.Conflict, title: "You cannot flag your own post."), []);
        }

        var id = PostFlag.IdOf(post.Id, command.MemberId);
        if (await session.LoadAsync<PostFlag>(id, ct) is not null)
        {
            return (TypedResults.Accepted((string?)null), []);
        }

        var now = clock.GetUtcNow();
        session.Insert(new PostFlag
        {
            Id = id, PostId = post.Id, ThreadId = post.ThreadId, MemberId = command.MemberId, Reason = command.Reason, Text = command.Text, CreatedAt = now,
        });
        var item = await ModerationQueue.OpenAsync(session, QueueKinds.Post, post.Id, now, ct);
        var flaggers = await session.Query<PostFlag>().Where(f => f.PostId == post.Id && f.ResolvedAt == null).Select(f => f.MemberId).ToListAsync(ct);
        var trusted = await FlaggerTrust.CountTrustedAsync(session, [.. flaggers.Append(command.MemberId).Distinct()], options.Value, now, ct);
        if (trusted < options.Value.FlagsToHide)
        {
            return (TypedResults.Accepted((string?)null), []);
        }

        item.AutoHidden = true;
        session.Store(item);
        var (_, hidden) = await PostModeration.HandleAsync(
            new PostModeration.SetHidden(post.Id, true, AuditActor.System, $"Hidden until reviewed: flagged by {trusted} members."), session, clock, ct);
        return (TypedResults.Accepted((string?)null), hidden);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
