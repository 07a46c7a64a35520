using Marketplace.Features.Forum.Markdown;
using Marketplace.Features.Forum.Notifications;
using Marketplace.Features.Forum.Watching;
using Marten;
using Wolverine.Marten;

namespace Marketplace.Features.Forum;

/// <summary>A new post was committed; the hub tells the thread's readers (<see cref="ForumBroadcastsHandler"/>).</summary>
public sealed record PostPublished(Guid PostId, Guid ThreadId, long Seq);

/// <summary>
/// Writes posts. Replies to one thread are serialised by a transaction-scoped advisory lock on the thread, so each
/// post takes the next sequence number without gaps or retries; the broadcast and the notifications leave through the
/// outbox, after commit. The author's watch level and read mark move in the same transaction (<see cref="PostingDefaults"/>).
/// </summary>
public sealed class ThreadWriter(IDocumentSession session, IMartenOutbox outbox, ForumMarkdown markdown, TimeProvider clock)
{
    public static readonly TimeSpan DuplicateWindow = TimeSpan.FromMinutes(2);

    public async Task<(ForumThread? Thread, ForumPost? Post, IResult? Problem)> StartThreadAsync(
        Guid categoryId, ForumActor actor, string title, string body, ThreadSubject? subject, CancellationToken ct)
    {
        var category = await session.LoadAsync<ForumCategory>(categoryId, ct);
        var problem = category is null ? ForumProblems.CategoryNotFound()
            : category.ReadOnly && !actor.IsModerator ? ForumProblems.ReadOnlyCategory()
            : await SuspensionAsync(actor, ct);
        if (problem is not null)
        {
            return (null, null, problem);
        }

        var now = clock.GetUtcNow();
        var thread = new ForumThread
        {
            Id = Guid.CreateVersion7(), CategoryId = categoryId, Title = title.Trim(), AuthorId = actor.Id,
            AuthorName = actor.DisplayName, Subject = subject, CreatedAt = now,
        };
        var post = Append(thread, category!, actor, body, now);
        outbox.Enroll(session);
        session.Insert(thread);
        session.Insert(post);
        PostingDefaults.ThreadStarted(session, post, now);
        await PublishAsync(post);
        await session.SaveChangesAsync(ct);
        return (thread, post, null);
    }

    public async Task<(ForumPost? Post, IResult? Problem)> ReplyAsync(Guid threadId, ForumActor actor, string body, CancellationToken ct)
    {
        if (await SuspensionAsync(actor, ct) is { } suspended)
        {
            return (null, suspended);
        }

        await LockThreadAsync(session, threadId, ct);
        var thread = await session.LoadAsync<ForumThread>(threadId, ct);
        var category = thread is null ? null : await session.LoadAsync<ForumCategory>(thread.CategoryId, ct);
        var problem = thread is null || category is null ? ForumProblems.ThreadNotFound()
            : thread.Locked && !actor.IsModerator ? ForumProblems.Locked()
            : category.ReadOnly && !actor.IsModerator ? ForumProblems.ReadOnlyCategory()
            : await IsDuplicateAsync(thread.Id, actor, body, ct) ? ForumProblems.Duplicate()
            : null;
        if (problem is not null)
        {
            return (null, problem);
        }

        var now = clock.GetUtcNow();
        var post = Append(thread!, category!, actor, body, now);
        outbox.Enroll(session);
        session.Update(thread!);
        session.Insert(post);
        await PostingDefaults.RepliedAsync(session, thread!, post, now, ct);
        await PublishAsync(post);
        await session.SaveChangesAsync(ct);
        return (post, null);
    }

    /// <summary>Opens the session's transaction and holds the thread's advisory lock until it commits or rolls back.</summary>
    public static async Task LockThreadAsync(IDocumentSession session, Guid threadId, CancellationToken ct)
    {
        await session.BeginTransactionAsync(ct);
        await session.QueryAsync<int>("select 1 from pg_advisory_xact_lock(hashtextextended(?, 0))", ct, threadId.ToString());
    }

    private async Task PublishAsync(ForumPost post)
    {
        await outbox.PublishAsync(new PostPublished(post.Id, post.ThreadId, post.Seq));
        await outbox.PublishAsync(new NotifyAboutPost(post.Id));
    }

    private ForumPost Append(ForumThread thread, ForumCategory category, ForumActor actor, string body, DateTimeOffset now)
    {
        thread.LastSeq++;
        thread.PostCount++;
        thread.LastPostAt = now;
        return new ForumPost
        {
            Id = Guid.CreateVersion7(), ThreadId = thread.Id, Seq = thread.LastSeq, AuthorId = actor.Id,
            AuthorName = actor.DisplayName, Body = body, Html = markdown.Render(body), CreatedAt = now,
            AuthorBadges = category.SellerId == actor.Id ? [ForumBadges.Seller] : [],
        };
    }

    private async Task<IResult?> SuspensionAsync(ForumActor actor, CancellationToken ct)
    {
        var member = await session.LoadAsync<ForumMember>(actor.Id, ct);
        return member is { PostingSuspendedUntil: { } until } && !member.CanPost(clock.GetUtcNow()) ? ForumProblems.Suspended(until) : null;
    }

    private async Task<bool> IsDuplicateAsync(Guid threadId, ForumActor actor, string body, CancellationToken ct)
    {
        var since = clock.GetUtcNow() - DuplicateWindow;
        var latest = await session.Query<ForumPost>()
            .Where(p => p.ThreadId == threadId && p.AuthorId == actor.Id && p.CreatedAt > since)
            .OrderByDescending(p => p.Seq)
            .FirstOrDefaultAsync(ct);
        return latest is not null && string.Equals(latest.Body.Trim(), body.Trim(), StringComparison.Ordinal);
    }
}
