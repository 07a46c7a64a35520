using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Seeding;
using Marten;

namespace Marketplace.Features.Moderation.Trust;

/// <summary>
/// The demo accounts start as trusted members (level 2), so that trying the forum out is not trying the newcomer's
/// limits; an account that has a level keeps it.
/// </summary>
public sealed class TrustDemoData : IDemoData
{
    public const int DemoLevel = 2;

    public int Order => 10;

    public async Task<IReadOnlyList<string>> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var session = services.GetRequiredService<IDocumentSession>();
        var emails = DemoAccounts.People.Select(p => p.Email).ToList();
        var accounts = await session.Query<UserAccount>().Where(u => emails.Contains(u.Email!)).Select(u => u.Id).ToListAsync(ct);
        var trusted = (await session.LoadManyAsync<MemberTrust>(ct, accounts)).Select(t => t.Id).ToHashSet();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        foreach (var id in accounts.Where(id => !trusted.Contains(id)))
        {
            session.Store(new MemberTrust { Id = id, Level = DemoLevel, UpdatedAt = now });
        }

        await session.SaveChangesAsync(ct);
        return [];
    }
}
