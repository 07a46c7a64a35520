using FluentValidation;
using Marketplace.Features.Forum.Watching;
using Marketplace.Infrastructure.Web;
using Marten;
using Wolverine;

namespace Marketplace.Features.Forum;

/// <summary>Starting a thread and reading one, with its posts after a sequence number.</summary>
public static class Threads
{
    public const int MaxBody = 20_000;
    public const string EmptyPost = "The post is empty: write something first.";

    public sealed record StartRequest(string Title, string Body);

    public sealed record Started(Guid ThreadId, Guid PostId, long Seq);

    /// <summary>A thread in a list; in a signed-in member's category list, their level on it and (tracking or watching) their unread posts.</summary>
    public sealed record Summary(
        Guid Id, Guid CategoryId, string Title, string AuthorName, int PostCount, DateTimeOffset LastPostAt, bool Pinned, bool Locked,
        string? WatchLevel = null, long? Unread = null);

    /// <summary>The thread, its posts, and (signed in) the caller's watching level on it.</summary>
    public sealed record Detail(Summary Thread, IReadOnlyList<PostView> Posts, string? WatchLevel = null);

    public sealed class StartValidator : AbstractValidator<StartRequest>
    {
        public StartValidator()
        {
            RuleFor(x => x.Title).NotEmpty().MinimumLength(5).MaximumLength(150);
            RuleFor(x => x.Body).NotEmpty().WithMessage(EmptyPost).MaximumLength(MaxBody);
        }
    }

    public static async Task<IResult> StartAsync(Guid categoryId, StartRequest request, IMessageBus bus, HttpContext http)
    {
        var actor = ForumActor.Of(http.User)!;
        var (thread, post, problem) = await ThreadWriter.StartThreadAsync(bus, categoryId, actor, request.Title, request.Body, null, http.RequestAborted);
        return problem ?? TypedResults.Created($"/api/forum/threads/{thread!.Id}", new Started(thread.Id, post!.Id, post.Seq));
    }

    /// <summary><c>GET /api/forum/categories/{categoryId}/threads</c>: 30 a page, pinned first, with the caller's unread counts.</summary>
    public static async Task<IReadOnlyList<Summary>> ListForAsync(Guid categoryId, IQuerySession session, int? page, HttpContext http, CancellationToken ct)
    {
        var threads = await ListAsync(categoryId, session, page, ct);
        if (ForumActor.Of(http.User) is not { } actor)
        {
            return threads;
        }

        var following = await MemberWatches.ForThreadListAsync(session, actor.Id, categoryId, threads, ct);
        return [.. threads.Select(t => t with { WatchLevel = following[t.Id].Level.Name(), Unread = following[t.Id].Unread })];
    }

    public static async Task<IReadOnlyList<Summary>> ListAsync(Guid categoryId, IQuerySession session, int? page, CancellationToken ct)
    {
        var threads = await session.Query<ForumThread>()
            .Where(t => t.CategoryId == categoryId)
            .OrderByDescending(t => t.Pinned).ThenByDescending(t => t.LastPostAt)
            .Skip((Paging.Number(page) - 1) * 30).Take(30)
            .ToListAsync(ct);
        return [.. threads.Select(ToSummary)];
    }

    public static async Task<IResult> GetAsync(Guid threadId, long? after, IQuerySession session, HttpContext http, CancellationToken ct)
    {
        var thread = await session.LoadAsync<ForumThread>(threadId, ct);
        if (thread is null)
        {
            return ForumProblems.ThreadNotFound();
        }

        var actor = ForumActor.Of(http.User);
        var posts = await VisiblePostsAsync(session, threadId, after ?? 0, actor?.IsModerator == true, ct);
        var level = actor is null ? null : (await MemberWatches.ForThreadAsync(session, actor.Id, thread, ct)).Name();
        return TypedResults.Ok(new Detail(ToSummary(thread), posts, level));
    }

    /// <summary>Posts after <paramref name="afterSeq"/> in order; hidden ones only for moderators. The hub replays with it too.</summary>
    public static async Task<IReadOnlyList<PostView>> VisiblePostsAsync(IQuerySession session, Guid threadId, long afterSeq, bool moderator, CancellationToken ct)
    {
        var query = session.Query<ForumPost>().Where(p => p.ThreadId == threadId && p.Seq > afterSeq);
        if (!moderator)
        {
            query = query.Where(p => !p.Hidden);
        }

        var posts = await VerifiedBuyers.BadgeAsync(session, threadId, [.. (await query.OrderBy(p => p.Seq).Take(500).ToListAsync(ct)).Select(PostView.Of)], ct);
        return await PostLikes.CountAsync(session, threadId, posts, ct);
    }

    public static Summary ToSummary(ForumThread t) => new(t.Id, t.CategoryId, t.Title, t.AuthorName, t.PostCount, t.LastPostAt, t.Pinned, t.Locked);
}
