namespace Marketplace.Features.Forum.Presence;

/// <summary>
/// Renews this node's readers in Redis a few times per <see cref="RedisPresence.Lifetime"/>, and drops the expired
/// readers of a node that died from the threads this node serves, telling those threads the new count.
/// </summary>
public sealed class PresenceHeartbeat(
    RedisPresence presence, ForumPresence local, PresenceBroadcaster broadcaster, TimeProvider clock, ILogger<PresenceHeartbeat> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RedisPresence.Lifetime / 3, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var readers = local.Snapshot();
                await presence.RenewAsync(readers);
                foreach (var threadId in readers.Select(r => r.ThreadId).Distinct())
                {
                    if (await presence.RemoveExpiredAsync(threadId))
                    {
                        broadcaster.Changed(threadId);
                    }
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Forum presence could not be renewed in Redis");
            }
        }
    }
}
