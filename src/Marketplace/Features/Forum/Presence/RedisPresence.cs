using StackExchange.Redis;

namespace Marketplace.Features.Forum.Presence;

/// <summary>
/// Presence shared by every node through Redis: one sorted set per thread, a member per connection
/// (<c>connectionId|readerKey|name</c>) scored with the time it expires. Each node keeps its own readers in
/// <see cref="ForumPresence"/> too, and <see cref="PresenceHeartbeat"/> pushes their expiry forward, so the readers of
/// a node that died without saying goodbye drop out after <see cref="Lifetime"/>. Presence is a nicety: when Redis
/// fails or is slow, joining and leaving go on, and this node's own readers are counted.
/// </summary>
public sealed class RedisPresence(IConnectionMultiplexer redis, ForumPresence local, TimeProvider clock, ILogger<RedisPresence> logger)
    : IPresenceStore
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(90);

    private IDatabase Db => redis.GetDatabase();

    public async Task JoinAsync(Guid threadId, string connectionId, PresenceReader reader)
    {
        local.Join(threadId, connectionId, reader);
        await TryAsync(() => RenewAsync([(threadId, connectionId, reader)]));
    }

    public async Task<bool> LeaveAsync(Guid threadId, string connectionId)
    {
        if (local.Leave(threadId, connectionId) is not { } reader)
        {
            return false;
        }

        await TryAsync(() => Db.SortedSetRemoveAsync(Key(threadId), Member(connectionId, reader)));
        return true;
    }

    public async Task<IReadOnlyList<Guid>> LeaveAllAsync(string connectionId)
    {
        var left = local.LeaveAll(connectionId);
        foreach (var (threadId, reader) in left)
        {
            await TryAsync(() => Db.SortedSetRemoveAsync(Key(threadId), Member(connectionId, reader)));
        }

        return [.. left.Select(l => l.ThreadId)];
    }

    public async Task<PresenceView> ReadersAsync(Guid threadId)
    {
        try
        {
            await RemoveExpiredAsync(threadId);
            var members = await Db.SortedSetRangeByRankAsync(Key(threadId));
            return PresenceView.Of(members.Select(m => ReaderOf(m.ToString())));
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            logger.LogWarning(exception, "Forum presence read from this node only: Redis failed");
            return local.Readers(threadId);
        }
    }

    /// <summary>Drops readers whose node stopped renewing them; true when there were any.</summary>
    public async Task<bool> RemoveExpiredAsync(Guid threadId) =>
        await Db.SortedSetRemoveRangeByScoreAsync(Key(threadId), double.NegativeInfinity, Now(), Exclude.Stop) > 0;

    /// <summary>Moves the expiry of these readers (and of their threads' sets) a <see cref="Lifetime"/> ahead.</summary>
    public async Task RenewAsync(IReadOnlyList<(Guid ThreadId, string ConnectionId, PresenceReader Reader)> readers)
    {
        var expires = Now() + Lifetime.TotalMilliseconds;
        var batch = Db.CreateBatch();
        var writes = readers.SelectMany(r => new Task[]
        {
            batch.SortedSetAddAsync(Key(r.ThreadId), Member(r.ConnectionId, r.Reader), expires),
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
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            logger.LogWarning(exception, "Forum presence not written to Redis; the heartbeat writes it again");
        }
    }

    private double Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private static RedisKey Key(Guid threadId) => $"marketplace:presence:{threadId:N}";

    private static string Member(string connectionId, PresenceReader reader) => $"{connectionId}|{reader.Key}|{reader.Name}";

    private static PresenceReader ReaderOf(string member)
    {
        var parts = member.Split('|', 3);
        return parts.Length == 3 ? new PresenceReader(parts[1], parts[2]) : PresenceReader.Guest(member);
    }
}
