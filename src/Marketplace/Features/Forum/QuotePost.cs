using Marketplace.Features.Forum.Markdown;
using Marten;

namespace Marketplace.Features.Forum;

/// <summary>
/// <c>GET /api/forum/posts/{postId}/quote</c>: the Markdown that quotes a post in the reply composer
/// (<see cref="ForumMarkdown.Quote"/>), which the thread page's "Quote" action inserts.
/// </summary>
public static class QuotePost
{
    public sealed record Response(Guid PostId, Guid ThreadId, string Markdown);

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/posts/{postId:guid}/quote", HandleAsync).WithName("QuotePost")
            .WithSummary("The Markdown quoting a post, to insert into a reply: an attribution line, then the post as a block quote.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    public static async Task<IResult> HandleAsync(Guid postId, IQuerySession session, ForumMarkdown markdown, HttpContext http) =>
        await ExecuteAsync(postId, ForumActor.Of(http.User)?.IsModerator == true, session, markdown, http.RequestAborted) is { } quote
            ? TypedResults.Ok(quote)
            : ForumProblems.PostNotFound();

    /// <summary>Null for an unknown post, or a hidden one unless a moderator asks.</summary>
    public static async Task<Response?> ExecuteAsync(Guid postId, bool moderator, IQuerySession session, ForumMarkdown markdown, CancellationToken ct) =>
        await session.LoadAsync<ForumPost>(postId, ct) is { } post && (!post.Hidden || moderator)
            ? new Response(post.Id, post.ThreadId, markdown.Quote(post.AuthorName, post.Body))
            : null;
}
