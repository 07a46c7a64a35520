using Marten;

namespace Marketplace.Features.Forum;

/// <summary>A member's latest visible posts, for their member page.</summary>
public static class MemberPosts
{
    public sealed record Item(PostView Post, string ThreadTitle);

    public static async Task<IReadOnlyList<Item>> LatestAsync(IQuerySession session, Guid memberId, int count, CancellationToken ct)
    {
        var posts = await session.Query<ForumPost>().Where(p => p.AuthorId == memberId && !p.Hidden)
            .OrderByDescending(p => p.CreatedAt).Take(count).ToListAsync(ct);
        var titles = (await session.LoadManyAsync<ForumThread>(ct, posts.Select(p => p.ThreadId).Distinct()))
            .ToDictionary(t => t.Id, t => t.Title);
        return [.. posts.Select(p => new Item(PostView.Of(p), titles.GetValueOrDefault(p.ThreadId, "")))];
    }
}
