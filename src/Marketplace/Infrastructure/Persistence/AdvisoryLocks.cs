using Marten;

namespace Marketplace.Infrastructure.Persistence;

/// <summary>PostgreSQL advisory locks that serialise one kind of write per key, across every node.</summary>
public static class AdvisoryLocks
{
    /// <summary>Opens the session's transaction and holds the key's lock until it commits or rolls back.</summary>
    public static async Task HoldAsync(IDocumentSession session, string key, CancellationToken ct)
    {
        await session.BeginTransactionAsync(ct);
        await session.QueryAsync<int>("select 1 from pg_advisory_xact_lock(hashtextextended(?, 0))", ct, key);
    }
}
