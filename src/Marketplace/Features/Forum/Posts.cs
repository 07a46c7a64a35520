using FluentValidation;
using Marketplace.Features.Forum.Markdown;
using Marketplace.Features.Forum.Notifications;
using Marten;
using Wolverine.Marten;

namespace Marketplace.Features.Forum;

/// <summary>Replying, editing (with history) and voting.</summary>
public static class Posts
{
    public sealed record BodyRequest(string Body);

    public sealed record Created(Guid PostId, long Seq);

    public sealed record VoteRequest(int Value);

    public sealed record Score(Guid PostId, int Total, int Mine);

    public sealed class BodyValidator : AbstractValidator<BodyRequest>
    {
        public BodyValidator() => RuleFor(x => x.Body).NotEmpty().MaximumLength(Threads.MaxBody);
    }

    public sealed class VoteValidator : AbstractValidator<VoteRequest>
    {
        public VoteValidator() => RuleFor(x => x.Value).InclusiveBetween(-1, 1).WithMessage("A vote is 1 (up), -1 (down) or 0 (take it back).");
    }

    public static async Task<IResult> ReplyAsync(Guid threadId, BodyRequest request, ThreadWriter writer, HttpContext http)
    {
        var (post, problem) = await writer.ReplyAsync(threadId, ForumActor.Of(http.User)!, request.Body, http.RequestAborted);
        return problem ?? TypedResults.Created($"/api/forum/threads/{threadId}?after={post!.Seq - 1}", new Created(post.Id, post.Seq));
    }

    public static async Task<IResult> EditAsync(
        Guid postId, BodyRequest request, IDocumentSession session, IMartenOutbox outbox, ForumMarkdown markdown, TimeProvider clock, HttpContext http)
    {
        var actor = ForumActor.Of(http.User)!;
        var post = await session.LoadAsync<ForumPost>(postId, http.RequestAborted);
        if (post is null || (post.Hidden && !actor.IsModerator))
        {
            return ForumProblems.PostNotFound();
        }

        if (post.AuthorId != actor.Id && !actor.IsModerator)
        {
            return ForumProblems.NotYours();
        }

        if (!string.Equals(post.Body, request.Body, StringComparison.Ordinal))
        {
            var now = clock.GetUtcNow();
            post.Revisions.Add(new PostRevision(post.Body, now));
            post.Body = request.Body;
            post.Html = markdown.Render(request.Body);
            post.EditedAt = now;
            outbox.Enroll(session);
            session.Update(post);
            await outbox.PublishAsync(new PostChanged(post.Id, post.ThreadId));
            await outbox.PublishAsync(new NotifyAboutPost(post.Id, ContentOnly: true));
            await session.SaveChangesAsync(http.RequestAborted);
        }

        return TypedResults.Ok(PostView.Of(post));
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
