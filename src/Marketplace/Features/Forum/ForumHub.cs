using System.Collections.Concurrent;
using Marketplace.Features.Forum.Presence;
using Marketplace.Features.Forum.Watching;
using Marten;
using Microsoft.AspNetCore.SignalR;

namespace Marketplace.Features.Forum;

/// <summary>
/// <c>/hubs/forum</c>. Anyone may read a thread live; typing needs a member who may post. Joining replays every
/// visible post after the client's last sequence number, after joining the group, so nothing falls between the two;
/// a post may arrive twice around the join, and clients keep the first of each sequence number. A signed-in member's
/// connections also get their own <c>Notification</c> and <c>UnreadCount</c> messages (sent to the user, not a group).
/// </summary>
public sealed class ForumHub(
    IQuerySession session, TimeProvider clock, IPresenceStore presence, PresenceBroadcaster presenceBroadcaster, ThreadReading reading) : Hub
{
    public const string Path = "/hubs/forum";
    private static readonly TimeSpan TypingInterval = TimeSpan.FromSeconds(2);
    private const int TypingEntriesBeforePruning = 10_000;
    private static readonly ConcurrentDictionary<(Guid Member, Guid Thread), DateTimeOffset> LastTyping = new();

    public static string Group(Guid threadId) => $"thread:{threadId:N}";

    public async Task JoinThread(Guid threadId, long afterSeq)
    {
        var thread = await session.LoadAsync<ForumThread>(threadId, Context.ConnectionAborted) ?? throw new HubException("No such thread.");
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(threadId), Context.ConnectionAborted);
        var moderator = Context.User is { } user && ForumActor.Of(user)?.IsModerator == true;
        foreach (var post in await Threads.VisiblePostsAsync(session, thread.Id, afterSeq, moderator, Context.ConnectionAborted))
        {
            await Clients.Caller.SendAsync("PostCreated", post, Context.ConnectionAborted);
        }

        await presence.JoinAsync(threadId, Context.ConnectionId, Reader());
        if (Context.ConnectionAborted.IsCancellationRequested)
        {
            // Hub methods run beside the disconnect: if it already cleaned up, this join must not leave a ghost reader.
            await presence.LeaveAsync(threadId, Context.ConnectionId);
        }

        presenceBroadcaster.Changed(threadId);
        if (Member() is { } member)
        {
            await reading.MarkReadAsync(member.Id, threadId, thread.LastSeq, Context.ConnectionAborted);
        }
    }

    /// <summary>The page showed the member the thread's posts up to <paramref name="seq"/> as they arrived live.</summary>
    public async Task ReadUpTo(Guid threadId, long seq)
    {
        var member = Member() ?? throw new HubException("Sign in to keep your place.");
        var thread = await session.LoadAsync<ForumThread>(threadId, Context.ConnectionAborted) ?? throw new HubException("No such thread.");
        await reading.MarkReadAsync(member.Id, threadId, Math.Clamp(seq, 0, thread.LastSeq), Context.ConnectionAborted);
    }

    public async Task LeaveThread(Guid threadId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(threadId), Context.ConnectionAborted);
        if (await presence.LeaveAsync(threadId, Context.ConnectionId))
        {
            presenceBroadcaster.Changed(threadId);
        }
    }

    public async Task Typing(Guid threadId)
    {
        var actor = Context.User is { } user ? ForumActor.Of(user) : null;
        if (actor is null)
        {
            throw new HubException("Sign in to take part.");
        }

        var member = await session.LoadAsync<ForumMember>(actor.Id, Context.ConnectionAborted);
        var thread = await session.LoadAsync<ForumThread>(threadId, Context.ConnectionAborted);
        var category = thread is null ? null : await session.LoadAsync<ForumCategory>(thread.CategoryId, Context.ConnectionAborted);
        var now = clock.GetUtcNow();
        if (thread is null || category is null || !thread.IsOpenTo(actor, category) || (member is not null && !member.CanPost(now)))
        {
            throw new HubException("You cannot post in this thread.");
        }

        // One typing signal per member per thread every two seconds, however many tabs or connections they open.
        if (!TryAdmitTyping((actor.Id, threadId), now))
        {
            return;
        }

        if (LastTyping.Count > TypingEntriesBeforePruning)
        {
            foreach (var stale in LastTyping.Where(entry => now - entry.Value >= TypingInterval).Select(entry => entry.Key).ToList())
            {
                LastTyping.TryRemove(stale, out _);
            }
        }

        await Clients.OthersInGroup(Group(threadId)).SendAsync("Typing", new { threadId, member = new { id = actor.Id, displayName = actor.DisplayName } });
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var threadId in await presence.LeaveAllAsync(Context.ConnectionId))
        {
            presenceBroadcaster.Changed(threadId);
        }

        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>Admits one signal per key and interval, also when several connections of the member race.</summary>
    private static bool TryAdmitTyping((Guid Member, Guid Thread) key, DateTimeOffset now)
    {
        while (true)
        {
            if (!LastTyping.TryGetValue(key, out var last))
            {
                if (LastTyping.TryAdd(key, now))
                {
                    return true;
                }
            }
            else if (now - last < TypingInterval)
            {
                return false;
            }
            else if (LastTyping.TryUpdate(key, now, last))
            {
                return true;
            }
        }
    }

    private ForumActor? Member() => Context.User is { } user ? ForumActor.Of(user) : null;

    private PresenceReader Reader() =>
        Member() is { } member ? PresenceReader.Member(member.Id, member.DisplayName) : PresenceReader.Guest(Context.ConnectionId);
}
