using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Marketplace.Features.Forum.Presence;

/// <summary>
/// Sends a thread's <c>Presence</c> at most once per <see cref="Interval"/>: every join or leave in the window is
/// carried by one message with the state at the end of it (every node's readers, with Redis). Sending on every change would cost N²/2 messages when
/// N readers join at once (a node restart makes every reader rejoin); coalesced, it costs about N.
/// </summary>
public sealed class PresenceBroadcaster(IHubContext<ForumHub> hub, IPresenceStore presence, TimeProvider clock, ILogger<PresenceBroadcaster> logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private readonly ConcurrentDictionary<Guid, byte> _scheduled = new();

    public void Changed(Guid threadId)
    {
        if (_scheduled.TryAdd(threadId, 0))
        {
            _ = SendAfterIntervalAsync(threadId);
        }
    }

    private async Task SendAfterIntervalAsync(Guid threadId)
    {
        try
        {
            await Task.Delay(Interval, clock);
            // Unscheduled before the snapshot, so a change after it schedules a message of its own.
            _scheduled.TryRemove(threadId, out _);
            var readers = await presence.ReadersAsync(threadId);
            await hub.Clients.Group(ForumHub.Group(threadId))
                .SendAsync("Presence", new { threadId, readers = readers.Members, guests = readers.Guests, count = readers.Count });
        }
        catch (Exception exception)
        {
            _scheduled.TryRemove(threadId, out _);
            logger.LogWarning(exception, "Presence for thread {ThreadId} was not sent", threadId);
        }
    }
}
