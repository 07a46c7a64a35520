using Marten;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplace.Features.Accounts;

/// <summary>
/// The current security stamp of each user, cached for a few seconds. Every authenticated request is checked
/// against it, so "sign out everywhere", a password change or a deleted account ends every session at once; the
/// node that made the change forgets its copy immediately, other nodes within <see cref="Lifetime"/>.
/// </summary>
public sealed class SecurityStampCache(IMemoryCache cache, IDocumentStore store)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(15);

    public async Task<string?> GetAsync(Guid userId, CancellationToken ct)
    {
        if (cache.TryGetValue(Key(userId), out string? stamp))
        {
            return stamp;
        }

        await using var session = store.QuerySession();
        var user = await session.LoadAsync<UserAccount>(userId, ct);
        stamp = user is { DeletedAt: null } ? user.SecurityStamp : null;
        return cache.Set(Key(userId), stamp, Lifetime);
    }

    public void Forget(Guid userId) => cache.Remove(Key(userId));

    private static string Key(Guid userId) => $"accounts:stamp:{userId}";
}
