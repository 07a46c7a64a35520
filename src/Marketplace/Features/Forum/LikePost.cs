using Marketplace.Infrastructure.Persistence;
using Marketplace.Infrastructure.Web;
using Marten;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Forum;

/// <summary>
/// <c>POST /api/forum/posts/{postId}/like</c> likes a post, <c>DELETE</c> the same route takes the like back (members).
/// One like per member per post: likes of one post take turns under an advisory lock, so repeats and duplicates sent at
/// once leave one like and an exact count. Nobody likes their own post (409); a hidden or unknown post is a 404.
/// </summary>
[WolverineHandler]
public static class LikePost
{
    public sealed record Response(Guid PostId, int Likes, bool Liked);

    public sealed record Command(Guid PostId, Guid MemberId, bool Like);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/posts/{postId:guid}/like", LikeAsync).RequireAuthorization(Accounts.Policies.Member).WithName("LikePost")
            .WithSummary("Likes a post: 200 with its like count. Liking it again changes nothing; nobody likes their own post (409).")
            .Produces<Response>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/posts/{postId:guid}/like", UnlikeAsync).RequireAuthorization(Accounts.Policies.Member).WithName("UnlikePost")
            .WithSummary("Takes the caller's like of a post back: 200 with its like count (also when there was none).")
            .Produces<Response>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static Task<IResult> LikeAsync(Guid postId, IMessageBus bus, HttpContext http) =>
        ExecuteAsync(postId, ForumActor.Of(http.User)!.Id, like: true, bus, http.RequestAborted);

    public static Task<IResult> UnlikeAsync(Guid postId, IMessageBus bus, HttpContext http) =>
        ExecuteAsync(postId, ForumActor.Of(http.User)!.Id, like: false, bus, http.RequestAborted);

    /// <summary>The use case without HTTP: the thread page's Like button runs it too.</summary>
    public static Task<IResult> ExecuteAsync(Guid postId, Guid memberId, bool like, IMessageBus bus, CancellationToken ct) =>
        bus.InvokeAsync<IResult>(new Command(postId, memberId, like), ct, UseCases.InvokeTimeout);

    public static async Task<(IResult, OutgoingMessages)> HandleAsync(Command command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        await AdvisoryLocks.HoldAsync(session, $"likes:post:{command.PostId}", ct);
        var post = await session.LoadAsync<ForumPost>(command.PostId, ct);
        if (post is null || post.Hidden)
        {
            return (ForumProblems.PostNotFound(), []);
        }

        if (post.AuthorId == command.MemberId)
        {
            return (TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, type: ProblemTypes.Conflict, title: "You cannot like your own post."), []);
        }

        var id = PostLike.IdOf(post.Id, command.MemberId);
        var liked = await session.LoadAsync<PostLike>(id, ct) is not null;
        var tally = await session.LoadAsync<PostLikeTally>(post.Id, ct) ?? new PostLikeTally { Id = post.Id, ThreadId = post.ThreadId };
        if (liked == command.Like)
        {
            return (TypedResults.Ok(new Response(post.Id, tally.Count, liked)), []);
        }

        if (command.Like)
        {
            session.Insert(new PostLike
            {
                Id = id, PostId = post.Id, ThreadId = post.ThreadId, MemberId = command.MemberId, PostAuthorId = post.AuthorId, CreatedAt = clock.GetUtcNow(),
            });
            tally.Count++;
        }
        else
        {
            session.Delete<PostLike>(id);
            tally.Count = Math.Max(0, tally.Count - 1);
        }

        session.Store(tally);
        return (TypedResults.Ok(new Response(post.Id, tally.Count, command.Like)), [new PostLikesChanged(post.Id, post.ThreadId, post.AuthorId, tally.Count)]);
    }
}
