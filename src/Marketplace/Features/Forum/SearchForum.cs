using Marketplace.Infrastructure.Validation;
using Marketplace.Infrastructure.Web;
using Marten;

namespace Marketplace.Features.Forum;

/// <summary>
/// <c>GET /api/forum/search?q=</c>: PostgreSQL full-text search over thread titles and post bodies (web-style
/// syntax: quotes, <c>or</c>, <c>-word</c>), newest first. Hidden posts are found by moderators only.
/// </summary>
public static class SearchForum
{
    public sealed record PostHit(PostView Post, string ThreadTitle);

    public sealed record Response(string Query, IReadOnlyList<Threads.Summary> Threads, IReadOnlyList<PostHit> Posts);

    /// <summary>Why the query cannot be searched for, or null when it can.</summary>
    public static string? Invalid(string? q) =>
        q?.Trim().Length is >= 2 and <= 200 ? TextCharacters.Problem(q, multiLine: false) : "Search for 2 to 200 characters.";

    public static async Task<IResult> HandleAsync(string? q, IQuerySession session, HttpContext http, CancellationToken ct) =>
        Invalid(q) is { } invalid
            ? ValidationProblems.Field("q", invalid)
            : TypedResults.Ok(await ExecuteAsync(q!, ForumActor.Of(http.User)?.IsModerator == true, session, ct));

    /// <summary>Up to 20 threads and 30 posts, newest first; <paramref name="moderator"/>s also find hidden posts.</summary>
    public static async Task<Response> ExecuteAsync(string q, bool moderator, IQuerySession session, CancellationToken ct)
    {
        var query = q.Trim();
        var threads = await session.Query<ForumThread>()
            .Where(t => t.WebStyleSearch(query))
            .OrderByDescending(t => t.LastPostAt).Take(20).ToListAsync(ct);
        var posts = session.Query<ForumPost>().Where(p => p.WebStyleSearch(query));
        if (!moderator)
        {
            posts = posts.Where(p => !p.Hidden);
        }

        var found = await posts.OrderByDescending(p => p.CreatedAt).Take(30).ToListAsync(ct);
        var threadIds = found.Select(p => p.ThreadId).Distinct().ToArray();
        var titles = (await session.LoadManyAsync<ForumThread>(ct, threadIds)).ToDictionary(t => t.Id, t => t.Title);
        return new Response(
            query,
            [.. threads.Select(Threads.ToSummary)],
            [.. found.Select(p => new PostHit(PostView.Of(p), titles.GetValueOrDefault(p.ThreadId, "")))]);
    }
}
