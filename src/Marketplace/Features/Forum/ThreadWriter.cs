using Marketplace.Features.Forum.Markdown;
using Marketplace.Features.Forum.Notifications;
using Marketplace.Features.Forum.Watching;
using Marketplace.Infrastructure.Persistence;
using Marten;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Forum;

/// <summary>A new post was committed; the hub tells the thread's readers (<see cref="ForumBroadcastsHandler"/>).</summary>
public sealed record PostPublished(Guid PostId, Guid ThreadId, long Seq);

/// <summary>
/// Writes posts: the handlers of <see cref="StartThread"/> and <see cref="Reply"/>, which endpoints and pages invoke.
/// Replies to one thread are serialised by a transaction-scoped advisory lock on the thread, so each post takes the next
/// sequence number without gaps or retries; the broadcast and the notifications are returned, and Wolverine commits
/// them with the post. The author's watch level and read mark move in the same transaction (<see cref="PostingDefaults"/>).
/// </summary>
[WolverineHandler]
public static class ThreadWriter
{
    public static readonly TimeSpan DuplicateWindow = TimeSpan.FromMinutes(2);

    public sealed record StartThread(Guid CategoryId, ForumActor Actor, string Title, string Body, ThreadSubject? Subject);

    public sealed record Reply(Guid ThreadId, ForumActor Actor, string Body);

    /// <summary>The new thread and its first post, or the problem that stopped it.</summary>
    public sealed record Started(ForumThread? Thread, ForumPost? Post, IResult? Problem);

    /// <summary>The new post, or the problem that stopped it.</summary>
    public sealed record Replied(ForumPost? Post, IResult? Problem);

    public static Task<Started> StartThreadAsync(
        IMessageBus bus, Guid categoryId, ForumActor actor, string title, string body, ThreadSubject? subject, CancellationToken ct) =>
        bus.InvokeAsync<Started>(new StartThread(categoryId, actor, title, body, subject), ct, UseCases.InvokeTimeout);

    public static Task<Replied> ReplyAsync(IMessageBus bus, Guid threadId, ForumActor actor, string body, CancellationToken ct) =>
        bus.InvokeAsync<Replied>(new Reply(threadId, actor, body), ct, UseCases.InvokeTimeout);

    public static async Task<(Started, OutgoingMessages)> HandleAsync(
        StartThread command, IDocumentSession session, ForumMarkdown markdown, TimeProvider clock, CancellationToken ct)
    {
        var (categoryId, actor, title, body, subject) = command;
        var category = await session.LoadAsync<ForumCategory>(categoryId, ct);
        var problem = category is null ? ForumProblems.CategoryNotFound()
            : category.ReadOnly && !actor.IsModerator ? ForumProblems.ReadOnlyCategory()
            : await SuspensionAsync(session, actor, clock, ct) ?? await NewMemberRules.CheckAsync(session, markdown, actor, body, ct);
        if (problem is not null)
        {
            return (new Started(null, null, problem), []);
        }

        var now = clock.GetUtcNow();
        var thread = new ForumThread
        {
            Id = Guid.CreateVersion7(), CategoryId = categoryId, Title = title.Trim(), AuthorId = actor.Id,
            AuthorName = actor.DisplayName, Subject = subject, CreatedAt = now,
        };
        var post = Append(thread, category!, actor, body, markdown, now, await MentionedMembers.LinksAsync(session, markdown, body, ct));
        session.Insert(thread);
        session.Insert(post);
        PostingDefaults.ThreadStarted(session, post, now);
        return (new Started(thread, post, null), Published(post));
    }

    public static async Task<(Replied, OutgoingMessages)> HandleAsync(
        Reply command, IDocumentSession session, ForumMarkdown markdown, TimeProvider clock, CancellationToken ct)
    {
        var (threadId, actor, body) = command;
        if (await SuspensionAsync(session, actor, clock, ct) is { } suspended)
        {
            return (new Replied(null, suspended), []);
        }

        await LockThreadAsync(session, threadId, ct);
        var thread = await session.LoadAsync<ForumThread>(threadId, ct);
        var category = thread is null ? null : await session.LoadAsync<ForumCategory>(thread.CategoryId, ct);
        var problem = thread is null || category is null ? ForumProblems.ThreadNotFound()
            : thread.Locked && !actor.IsModerator ? ForumProblems.Locked()
            : category.ReadOnly && !actor.IsModerator ? ForumProblems.ReadOnlyCategory()
            : await IsDuplicateAsync(session, thread.Id, actor, body, clock, ct) ? ForumProblems.Duplicate()
            : await NewMemberRules.CheckAsync(session, markdown, actor, body, ct);
        if (problem is not null)
        {
            return (new Replied(null, problem), []);
        }

        var now = clock.GetUtcNow();
        var post = Append(thread!, category!, actor, body, markdown, now, await MentionedMembers.LinksAsync(session, markdown, body, ct));
        session.Update(thread!);
        session.Insert(post);
        await PostingDefaults.RepliedAsync(session, thread!, post, now, ct);
        return (new Replied(post, null), Published(post));
    }

    /// <summary>Opens the session's transaction and holds the thread's advisory lock until it commits or rolls back.</summary>
    public static Task LockThreadAsync(IDocumentSession session, Guid threadId, CancellationToken ct) =>
        AdvisoryLocks.HoldAsync(session, threadId.ToString(), ct);

    private static OutgoingMessages Published(ForumPost post) =>
        [new PostPublished(post.Id, post.ThreadId, post.Seq), new NotifyAboutPost(post.Id)];

    /// <summary>The next post of the thread; its mentions link where <paramref name="mentionLinks"/> says (<see cref="MentionedMembers.LinksAsync"/>).</summary>
    public static ForumPost Append(
        ForumThread thread, ForumCategory category, ForumActor actor, string body, ForumMarkdown markdown, DateTimeOffset now,
        IReadOnlyDictionary<string, string>? mentionLinks = null)
    {
        thread.LastSeq++;
        thread.PostCount++;
        thread.LastPostAt = now;
        return new ForumPost
        {
            Id = Guid.CreateVersion7(), ThreadId = thread.Id, Seq = thread.LastSeq, AuthorId = actor.Id,
            AuthorName = actor.DisplayName, Body = body, Html = markdown.Render(body, mentionLinks), CreatedAt = now,
            AuthorBadges = category.SellerId == actor.Id ? [ForumBadges.Seller] : [],
        };
    }

    private static async Task<IResult?> SuspensionAsync(IDocumentSession session, ForumActor actor, TimeProvider clock, CancellationToken ct)
    {
        var member = await session.LoadAsync<ForumMember>(actor.Id, ct);
        return member is { PostingSuspendedUntil: { } until } && !member.CanPost(clock.GetUtcNow()) ? ForumProblems.Suspended(until) : null;
    }

    private static async Task<bool> IsDuplicateAsync(
        IDocumentSession session, Guid threadId, ForumActor actor, string body, TimeProvider clock, CancellationToken ct)
    {
        var since = clock.GetUtcNow() - DuplicateWindow;
        var latest = await session.Query<ForumPost>()
            .Where(p => p.ThreadId == threadId && p.AuthorId == actor.Id && p.CreatedAt > since)
            .OrderByDescending(p => p.Seq)
            .FirstOrDefaultAsync(ct);
        return latest is not null && string.Equals(latest.Body.Trim(), body.Trim(), StringComparison.Ordinal);
    }
}
