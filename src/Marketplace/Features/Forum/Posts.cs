using FluentValidation;
using Marketplace.Features.Forum.Markdown;
using Marketplace.Features.Forum.Notifications;
using Marketplace.Infrastructure.Persistence;
using Marten;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Forum;

/// <summary>Replying, editing (with history) and voting.</summary>
[WolverineHandler]
public static class Posts
{
    public sealed record BodyRequest(string Body);

    public sealed record Created(Guid PostId, long Seq);

    public sealed record VoteRequest(int Value);

    public sealed record Score(Guid PostId, int Total, int Mine);

    public sealed class BodyValidator : AbstractValidator<BodyRequest>
    {
        public BodyValidator() => RuleFor(x => x.Body).NotEmpty().WithMessage(Threads.EmptyPost).MaximumLength(Threads.MaxBody);
    }

    public sealed class VoteValidator : AbstractValidator<VoteRequest>
    {
        public VoteValidator() => RuleFor(x => x.Value).InclusiveBetween(-1, 1).WithMessage("A vote is 1 (up), -1 (down) or 0 (take it back).");
    }

    public static async Task<IResult> ReplyAsync(Guid threadId, BodyRequest request, IMessageBus bus, HttpContext http)
    {
        var (post, problem) = await ThreadWriter.ReplyAsync(bus, threadId, ForumActor.Of(http.User)!, request.Body, http.RequestAborted);
        return problem ?? TypedResults.Created($"/api/forum/threads/{threadId}?after={post!.Seq - 1}", new Created(post.Id, post.Seq));
    }

    public static async Task<IResult> EditAsync(Guid postId, BodyRequest request, IMessageBus bus, HttpContext http)
    {
        var (post, problem) = await bus.InvokeAsync<Edited>(
            new Edit(postId, ForumActor.Of(http.User)!, request.Body), http.RequestAborted, UseCases.InvokeTimeout);
        return problem ?? TypedResults.Ok(PostView.Of(post!));
    }

    public sealed record Edit(Guid PostId, ForumActor Actor, string Body);

    /// <summary>The post as it now is, or the problem that stopped the edit.</summary>
    public sealed record Edited(ForumPost? Post, IResult? Problem);

    /// <summary>A changed body keeps its history; the change and its messages commit together.</summary>
    public static async Task<(Edited, OutgoingMessages)> HandleAsync(
        Edit command, IDocumentSession session, ForumMarkdown markdown, TimeProvider clock, CancellationToken ct)
    {
        var (postId, actor, body) = command;
        var post = await session.LoadAsync<ForumPost>(postId, ct);
        if (post is null || (post.Hidden && !actor.IsModerator))
        {
            return (new Edited(null, ForumProblems.PostNotFound()), []);
        }

        if (post.AuthorId != actor.Id && !actor.IsModerator)
        {
            return (new Edited(null, ForumProblems.NotYours()), []);
        }

        // A locked thread or a read-only category takes no changes but a moderator's, edits included.
        var thread = await session.LoadAsync<ForumThread>(post.ThreadId, ct);
        var category = thread is null ? null : await session.LoadAsync<ForumCategory>(thread.CategoryId, ct);
        if (thread is null || category is null || !thread.IsOpenTo(actor, category))
        {
            return (new Edited(null, thread?.Locked == true ? ForumProblems.Locked() : ForumProblems.ReadOnlyCategory()), []);
        }

        if (string.Equals(post.Body, body, StringComparison.Ordinal))
        {
            return (new Edited(post, null), []);
        }

        if (await NewMemberRules.CheckAsync(session, markdown, actor, body, ct) is { } refused)
        {
            return (new Edited(null, refused), []);
        }

        var now = clock.GetUtcNow();
        post.Revisions.Add(new PostRevision(post.Body, now));
        post.Body = body;
        post.Html = markdown.Render(body, await MentionedMembers.LinksAsync(session, markdown, body, ct));
        post.EditedAt = now;
        session.Update(post);
        return (new Edited(post, null), [new PostChanged(post.Id, post.ThreadId), new NotifyAboutPost(post.Id, ContentOnly: true)]);
    }

    /// <summary>One vote per member per post: the vote's id is the pair, so repeats and races overwrite, never add.</summary>
    public static async Task<IResult> VoteAsync(Guid postId, VoteRequest request, IDocumentSession session, HttpContext http)
    {
        var actor = ForumActor.Of(http.User)!;
        var post = await session.LoadAsync<ForumPost>(postId, http.RequestAborted);
        if (post is null || post.Hidden)
        {
            return ForumProblems.PostNotFound();
        }

        var id = PostVote.IdOf(postId, actor.Id);
        if (request.Value == 0)
        {
            session.Delete<PostVote>(id);
        }
        else
        {
            session.Store(new PostVote { Id = id, PostId = postId, MemberId = actor.Id, Value = request.Value });
        }

        await session.SaveChangesAsync(http.RequestAborted);
        var votes = await session.Query<PostVote>().Where(v => v.PostId == postId).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(new Score(postId, votes.Sum(v => v.Value), request.Value));
    }
}
