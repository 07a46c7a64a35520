namespace Marketplace.Features.Forum;

public sealed record AuthorView(Guid Id, string DisplayName, IReadOnlyList<string> Badges);

/// <summary>
/// A post as the API and the hub send it (CONTRACT.md): <c>body</c> is the Markdown, <c>html</c> its sanitized rendering,
/// <c>likes</c> how many members liked it (<see cref="PostLikes"/>).
/// </summary>
public sealed record PostView(
    Guid PostId, Guid ThreadId, long Seq, AuthorView Author, string Body, string Html, DateTimeOffset CreatedAt, DateTimeOffset? EditedAt, int Likes = 0)
{
    public static PostView Of(ForumPost post) => new(
        post.Id, post.ThreadId, post.Seq, new AuthorView(post.AuthorId, post.AuthorName, post.AuthorBadges),
        post.Body, post.Html, post.CreatedAt, post.EditedAt);
}
