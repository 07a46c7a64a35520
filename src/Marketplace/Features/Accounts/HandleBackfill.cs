using Marketplace.Infrastructure.Persistence;
using Marten;

namespace Marketplace.Features.Accounts;

/// <summary>
/// Gives every account made before handles existed the handle its display name suggests, at start-up. Each account is
/// saved on its own, under its handle family's lock (<see cref="MemberHandles.AssignAsync"/>); an account another node
/// got to first is left as that node saved it.
/// </summary>
public sealed class HandleBackfill(IDocumentStore store, ILogger<HandleBackfill> logger) : IHostedService
{
    private const int BatchSize = 100;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var assigned = await RunAsync(store, cancellationToken);
        if (assigned > 0)
        {
            logger.LogInformation("Gave {Count} accounts made before handles existed a handle", assigned);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Assigns the missing handles; returns how many accounts got one.</summary>
    public static async Task<int> RunAsync(IDocumentStore store, CancellationToken ct)
    {
        var assigned = 0;
        var skipped = new HashSet<Guid>();
        while (true)
        {
            IReadOnlyList<Guid> waiting;
            await using (var query = store.QuerySession())
            {
                waiting = await query.Query<UserAccount>().Where(u => u.Handle == null && u.DeletedAt == null && !u.Id.IsOneOf(skipped.ToArray()))
                    .OrderBy(u => u.CreatedAt).Select(u => u.Id).Take(BatchSize).ToListAsync(ct);
            }

            if (waiting.Count == 0)
            {
                return assigned;
            }

            foreach (var id in waiting)
            {
                if (await AssignAsync(store, id, ct))
                {
                    assigned++;
                }
                else
                {
                    skipped.Add(id);
                }
            }
        }
    }

    private static async Task<bool> AssignAsync(IDocumentStore store, Guid id, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<UserAccount>(id, ct) is not { Handle: null } account)
        {
            return false;
        }

        await MemberHandles.AssignAsync(session, account, ct);
        session.Update(account);
        try
        {
            await session.SaveChangesAsync(ct);
            return true;
        }
        catch (Exception e) when (e.IsConcurrencyConflict() || e.IsUniqueViolation())
        {
            return false;
        }
    }
}
