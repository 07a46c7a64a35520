using Marten;

namespace Marketplace.Features.Forum.Watching;

/// <summary>
/// A thread in a member's list: their level on it and, when they track or watch it, how many posts they have not read.
/// <paramref name="Opened"/> says whether they ever read it, <paramref name="NewSinceRead"/> how many posts came since
/// (at any level), for the list's "new" markers.
/// </summary>
public sealed record ThreadFollowing(WatchLevel Level, long Unread, bool Opened = true, long NewSinceRead = 0);

/// <summary>Reads a member's levels, for the thread, category and thread-list views.</summary>
public static class MemberWatches
{
    public static async Task<WatchLevel> ForThreadAsync(IQuerySession session, Guid memberId, ForumThread thread, CancellationToken ct)
    {
        var threadWatch = await session.LoadAsync<ThreadWatch>(ThreadWatch.IdOf(memberId, thread.Id), ct);
        var categoryWatch = threadWatch is null ? await session.LoadAsync<CategoryWatch>(CategoryWatch.IdOf(memberId, thread.CategoryId), ct) : null;
        return WatchLevels.Effective(threadWatch, categoryWatch);
    }

    public static async Task<WatchLevel> ForCategoryAsync(IQuerySession session, Guid memberId, Guid categoryId, CancellationToken ct) =>
        WatchLevels.Effective(null, await session.LoadAsync<CategoryWatch>(CategoryWatch.IdOf(memberId, categoryId), ct));

    /// <summary>The member's level on every category that has one; the others are at <see cref="WatchLevel.Normal"/>.</summary>
    public static async Task<IReadOnlyDictionary<Guid, WatchLevel>> ForCategoriesAsync(IQuerySession session, Guid memberId, CancellationToken ct) =>
        (await session.Query<CategoryWatch>().Where(w => w.MemberId == memberId).ToListAsync(ct)).ToDictionary(w => w.CategoryId, w => w.Level);

    public static async Task<IReadOnlyDictionary<Guid, ThreadFollowing>> ForThreadListAsync(
        IQuerySession session, Guid memberId, Guid categoryId, IReadOnlyList<Threads.Summary> threads, CancellationToken ct)
    {
        if (threads.Count == 0)
        {
            return new Dictionary<Guid, ThreadFollowing>();
        }

        var watches = (await session.LoadManyAsync<ThreadWatch>(ct, threads.Select(t => ThreadWatch.IdOf(memberId, t.Id))))
            .ToDictionary(w => w.ThreadId);
        var marks = (await session.LoadManyAsync<ThreadReadMark>(ct, threads.Select(t => ThreadReadMark.IdOf(memberId, t.Id))))
            .ToDictionary(m => m.ThreadId, m => m.LastReadSeq);
        var category = await session.LoadAsync<CategoryWatch>(CategoryWatch.IdOf(memberId, categoryId), ct);
        return threads.ToDictionary(t => t.Id, t =>
        {
            var level = WatchLevels.Effective(watches.GetValueOrDefault(t.Id), category);
            // Every post takes the thread's next sequence number, so the post count is the last one.
            var opened = marks.TryGetValue(t.Id, out var lastRead);
            var sinceRead = Math.Max(0, t.PostCount - lastRead);
            return new ThreadFollowing(level, level >= WatchLevel.Tracking ? sinceRead : 0, opened, opened ? sinceRead : 0);
        });
    }
}
