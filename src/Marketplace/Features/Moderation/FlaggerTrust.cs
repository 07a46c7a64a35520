using Marketplace.Features.Accounts;
using Marten;

namespace Marketplace.Features.Moderation;

/// <summary>Whose flags weigh: members whose account is old enough and who are not suspended.</summary>
public static class FlaggerTrust
{
    public static async Task<int> CountTrustedAsync(IQuerySession session, IReadOnlyCollection<Guid> memberIds, ModerationOptions options, DateTimeOffset now, CancellationToken ct)
    {
        var accounts = await session.LoadManyAsync<UserAccount>(ct, memberIds);
        var suspended = (await session.LoadManyAsync<MemberSuspension>(ct, memberIds)).Where(s => s.IsActive(now)).Select(s => s.Id).ToHashSet();
        return accounts.Count(a => a.DeletedAt is null && a.CreatedAt <= now - options.TrustedFlaggerAge && !suspended.Contains(a.Id));
    }
}
