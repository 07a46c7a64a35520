using StackExchange.Redis;

namespace Marketplace.Features.Forum.Presence;

/// <summary>
/// Presence shared by every node through Redis: one sorted set per thread, a member per connection
/// (<c>connectionId|name</c>) scored with the time it expires. Each node keeps its own readers in
/// <see cref="ForumPresence"/> too, and <see cref="PresenceHeartbeat"/> pushes their expiry forward, so the readers of
/// a node that died without saying goodbye drop out after <see cref="Lifetime"/>. Presence is a nicety: when Redis
/// fails, joining and leaving go on, and this node's own readers are counted.
/// </summary>
public sealed class RedisPresence(IConnectionMultiplexer redis, ForumPresence local, TimeProvider clock, ILogger<RedisPresence> logger)
    : IPresenceStore
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(90);

    private IDatabase Db => redis.GetDatabase();

    public async Task JoinAsync(Guid threadId, string connectionId, string name)
    {
        local.Join(threadId, connectionId, name);
        await TryAsync(() => RenewAsync([(threadId, connectionId, name)]));
    }

    public async Task<bool> LeaveAsync(Guid threadId, string connectionId)
    {
        if (local.Leave(threadId, connectionId) is not { } name)
        {
            return false;
        }

        await TryAsync(() => Db.SortedSetRemoveAsync(Key(threadId), Member(connectionId, name)));
        return true;
    }

    public async Task<IReadOnlyList<Guid>> LeaveAllAsync(string connectionId)
    {
        var left = local.LeaveAll(connectionId);
        foreach (var (threadId, name) in left)
        {
            await TryAsync(() => Db.SortedSetRemoveAsync(Key(threadId), Member(connectionId, name)));
        }

        return [.. left.Select(l => l.ThreadId)];
    }

    public async Task<IReadOnlyList<string>> ReadersAsync(Guid threadId)
    {
        var key = Key(threadId);
        try
        {
            await Db.SortedSetRemoveRangeByScoreAsync(key, double.NegativeInfinity, Now(), Exclude.Stop);
            var members = await Db.SortedSetRangeByRankAsync(key);
            return [.. members.Select(m => NameOf(m.ToString())).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        }
        catch (RedisException exception)
        {
            logger.LogWarning(exception, "Forum presence read from this node only: Redis failed");
            return local.Readers(threadId);
        }
    }

    /// <summary>Moves the expiry of these readers (and of their threads' sets) a <see cref="Lifetime"/> ahead.</summary>
    public async Task RenewAsync(IReadOnlyList<(Guid ThreadId, string ConnectionId, string Name)> readers)
    {
        var expires = Now() + Lifetime.TotalMilliseconds;
        var batch = Db.CreateBatch();
        var writes = readers.SelectMany(r => new Task[]
        {
            batch.SortedSetAddAsync(Key(r.ThreadId), Member(r.ConnectionId, r.Name), expires),
            batch.KeyExpireAsync(Key(r.ThreadId), Lifetime * 2),
        }).ToList();
        batch.Execute();
        await Task.WhenAll(writes);
    }

    private async Task TryAsync(Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (RedisException exception)
        {
            logger.LogWarning(exception, "Forum presence not written to Redis; the heartbeat writes it again");
        }
    }

    private double Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private static RedisKey Key(Guid threadId) => $"marketplace:presence:{threadId:N}";

    private static string Member(string connectionId, string name) => $"{connectionId}|{name}";

    private static string NameOf(string member) => member[(member.IndexOf('|', StringComparison.Ordinal) + 1)..];
}
