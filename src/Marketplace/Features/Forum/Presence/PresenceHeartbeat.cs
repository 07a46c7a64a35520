using StackExchange.Redis;

namespace Marketplace.Features.Forum.Presence;

/// <summary>Renews this node's readers in Redis a few times per <see cref="RedisPresence.Lifetime"/>.</summary>
public sealed class PresenceHeartbeat(RedisPresence presence, ForumPresence local, TimeProvider clock, ILogger<PresenceHeartbeat> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RedisPresence.Lifetime / 3, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await presence.RenewAsync(local.Snapshot());
            }
            catch (RedisException exception)
            {
                logger.LogWarning(exception, "Forum presence could not be renewed in Redis");
            }
        }
    }
}
