using Marketplace.Features.Forum.Notifications;
using Marketplace.Features.Moderation;
using Marketplace.Infrastructure.Persistence;
using Marten;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Forum;

/// <summary>A post was hidden or restored by a moderator.</summary>
public sealed record PostVisibilityChanged(Guid PostId, Guid ThreadId, long Seq, bool Hidden);

/// <summary>A post was hidden by someone other than its author: the author is mailed why and how to appeal.</summary>
public sealed record PostHiddenForAuthor(Guid PostId, string? Reason, int Hiding);

/// <summary>Moderators hide and restore posts; members stop (or start again) seeing them, live.</summary>
[WolverineHandler]
public static class PostModeration
{
    public sealed record SetHidden(Guid PostId, bool Hidden, AuditActor Actor, string? Reason);

    public static Task<IResult> HideAsync(Guid postId, IMessageBus bus, HttpContext http) =>
        SetAsync(postId, hidden: true, bus, http);

    public static Task<IResult> RestoreAsync(Guid postId, IMessageBus bus, HttpContext http) =>
        SetAsync(postId, hidden: false, bus, http);

    private static async Task<IResult> SetAsync(Guid postId, bool hidden, IMessageBus bus, HttpContext http)
    {
        var (reason, problem) = await ModerationNote.ReadAsync(http.Request);
        return problem ?? await bus.InvokeAsync<IResult>(new SetHidden(postId, hidden, AuditActor.Of(http.User), reason), http.RequestAborted, UseCases.InvokeTimeout);
    }

    /// <summary>A change of visibility commits with its live update, the notifications' follow-up and the author's mail; a repeat changes nothing.</summary>
    public static async Task<(IResult, OutgoingMessages)> HandleAsync(SetHidden command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var post = await session.LoadAsync<ForumPost>(command.PostId, ct);
        if (post is null)
        {
            return (ForumProblems.PostNotFound(), []);
        }

        if (post.Hidden == command.Hidden)
        {
            return (TypedResults.NoContent(), []);
        }

        post.Hidden = command.Hidden;
        post.TimesHidden += command.Hidden ? 1 : 0;
        session.Update(post);
        AuditTrail.Record(session, command.Actor, command.Hidden ? "post.hide" : "post.restore", "post", $"{post.Id}", command.Reason,
            new() { ["hidden"] = $"{!command.Hidden}".ToLowerInvariant() }, new() { ["hidden"] = $"{command.Hidden}".ToLowerInvariant() }, clock.GetUtcNow());
        OutgoingMessages messages = [new PostVisibilityChanged(post.Id, post.ThreadId, post.Seq, command.Hidden), new PostNotificationsVisibility(post.Id, command.Hidden)];
        if (command.Hidden && command.Actor.Id != post.AuthorId)
        {
            messages.Add(new PostHiddenForAuthor(post.Id, command.Reason, post.TimesHidden));
        }

        return (TypedResults.NoContent(), messages);
    }
}
