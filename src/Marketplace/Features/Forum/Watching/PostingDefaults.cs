using Marten;

namespace Marketplace.Features.Forum.Watching;

/// <summary>
/// What posting does for the author, in the same transaction as the post: starting a thread watches it, replying
/// tracks it (a level already there stays: chosen, or set by an earlier post), and the author's own post counts as read.
/// </summary>
public static class PostingDefaults
{
    public static void ThreadStarted(IDocumentSession session, ForumPost post, DateTimeOffset now)
    {
        session.Store(new ThreadWatch
        {
            Id = ThreadWatch.IdOf(post.AuthorId, post.ThreadId), MemberId = post.AuthorId, ThreadId = post.ThreadId,
            Level = WatchLevel.Watching, UpdatedAt = now,
        });
        MarkRead(session, post);
    }

    /// <summary>Runs under the thread's advisory lock, as <see cref="WatchThread"/> does, so neither overwrites the other.</summary>
    public static async Task RepliedAsync(IDocumentSession session, ForumThread thread, ForumPost post, DateTimeOffset now, CancellationToken ct)
    {
        if (await session.LoadAsync<ThreadWatch>(ThreadWatch.IdOf(post.AuthorId, thread.Id), ct) is null)
        {
            // Replying never lowers what a watched category gives: the thread stays watched.
            var category = await session.LoadAsync<CategoryWatch>(CategoryWatch.IdOf(post.AuthorId, thread.CategoryId), ct);
            session.Store(new ThreadWatch
            {
                Id = ThreadWatch.IdOf(post.AuthorId, thread.Id), MemberId = post.AuthorId, ThreadId = thread.Id,
                Level = category?.Level == WatchLevel.Watching ? WatchLevel.Watching : WatchLevel.Tracking, UpdatedAt = now,
            });
        }

        MarkRead(session, post);
    }

    private static void MarkRead(IDocumentSession session, ForumPost post) => session.Store(new ThreadReadMark
    {
        Id = ThreadReadMark.IdOf(post.AuthorId, post.ThreadId), MemberId = post.AuthorId, ThreadId = post.ThreadId, LastReadSeq = post.Seq,
    });
}
