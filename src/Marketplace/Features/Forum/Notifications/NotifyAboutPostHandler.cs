using Marketplace.Features.Forum.Markdown;
using Marketplace.Infrastructure.Persistence;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Marketplace.Features.Forum.Notifications;

/// <summary>
/// Creates the notifications of a committed post (<see cref="NotificationRecipients"/>), at most one per member and
/// post: deliveries of one post take turns on its lock and skip the members already notified; should two inserts of
/// one notification still meet, the unique id refuses the second, whose retry then skips it. The hub push and the
/// digest leave through the outbox, after commit.
/// </summary>
public static class NotifyAboutPostHandler
{
    public static void Configure(HandlerChain chain) =>
        chain.OnException(e => e.IsUniqueViolation(), "another delivery of the post notified first")
            .RetryWithCooldown(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1));

    public static async Task HandleAsync(
        NotifyAboutPost message, IDocumentSession session, IMessageContext messages, ForumMarkdown markdown,
        IOptions<NotificationOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var post = await session.LoadAsync<ForumPost>(message.PostId, ct);
        var thread = post is { Hidden: false } ? await session.LoadAsync<ForumThread>(post.ThreadId, ct) : null;
        if (post is null || thread is null)
        {
            return;
        }

        var recipients = await NotificationRecipients.ForAsync(session, markdown, post, thread, message.ContentOnly, ct);
        if (recipients.Count == 0)
        {
            return;
        }

        await NotificationLocks.TakeAsync(session, [NotificationLocks.Post(post.Id)], ct);
        var notified = (await session.LoadManyAsync<ForumNotification>(ct, recipients.Keys.Select(m => ForumNotification.IdOf(m, post.Id))))
            .Select(n => n.MemberId).ToHashSet();
        var fresh = recipients.Where(r => !notified.Contains(r.Key)).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var excerpt = NotificationExcerpt.Of(post.Html);
        foreach (var (memberId, kind) in fresh)
        {
            var notification = new ForumNotification
            {
                Id = ForumNotification.IdOf(memberId, post.Id), MemberId = memberId, Kind = kind, ThreadId = thread.Id,
                ThreadTitle = thread.Title, PostId = post.Id, Seq = post.Seq, ActorId = post.AuthorId, ActorName = post.AuthorName,
                Excerpt = excerpt, CreatedAt = now,
            };
            session.Insert(notification);
            await messages.PublishAsync(new NotificationCreated(notification.Id, memberId));
        }

        await NotificationDigests.ScheduleAsync(session, messages, [.. fresh.Select(r => r.Key)], options.Value.DigestDelay, now, ct);
    }
}
