using Marten;

namespace Marketplace.Features.Forum;

/// <summary>One member's like of one post (id: post and member), so a member likes a post once.</summary>
public sealed class PostLike
{
    public string Id { get; set; } = "";
    public Guid PostId { get; set; }
    public Guid ThreadId { get; set; }
    public Guid MemberId { get; set; }

    /// <summary>Whose post it is: trust counts the likes a member received.</summary>
    public Guid PostAuthorId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public static string IdOf(Guid postId, Guid memberId) => $"{postId:N}:{memberId:N}";
}

/// <summary>
/// How many likes a post has (id: the post). Its own document, written only by <see cref="LikePost"/> under the post's
/// lock, so an edit or a hide of the post, which rewrite the post's document, never loses a like from the count.
/// </summary>
public sealed class PostLikeTally
{
    public Guid Id { get; set; }
    public Guid ThreadId { get; set; }
    public int Count { get; set; }
}

/// <summary>A post's likes changed: readers see the new count, and its author's trust is worked out again.</summary>
public sealed record PostLikesChanged(Guid PostId, Guid ThreadId, Guid AuthorId, int Likes);

/// <summary>Puts like counts on posts as they are read.</summary>
public static class PostLikes
{
    /// <summary>The posts of one thread with their like counts: one query for the whole thread.</summary>
    public static async Task<IReadOnlyList<PostView>> CountAsync(IQuerySession session, Guid threadId, IReadOnlyList<PostView> posts, CancellationToken ct)
    {
        if (posts.Count == 0)
        {
            return posts;
        }

        var tallies = (await session.Query<PostLikeTally>().Where(t => t.ThreadId == threadId && t.Count > 0).ToListAsync(ct)).ToDictionary(t => t.Id, t => t.Count);
        return tallies.Count == 0 ? posts : [.. posts.Select(p => p with { Likes = tallies.GetValueOrDefault(p.PostId) })];
    }

    /// <summary>One post with its like count.</summary>
    public static async Task<PostView> CountAsync(IQuerySession session, PostView post, CancellationToken ct) =>
        post with { Likes = (await session.LoadAsync<PostLikeTally>(post.PostId, ct))?.Count ?? 0 };

    /// <summary>Which posts of the thread the member liked (the thread page shows their Like buttons pressed).</summary>
    public static async Task<IReadOnlySet<Guid>> LikedByAsync(IQuerySession session, Guid memberId, Guid threadId, CancellationToken ct) =>
        (await session.Query<PostLike>().Where(l => l.MemberId == memberId && l.ThreadId == threadId).Select(l => l.PostId).ToListAsync(ct)).ToHashSet();
}
