using Marketplace.Features.Accounts;
using Marketplace.Features.Moderation.Trust;
using Marten;

namespace Marketplace.Features.Moderation;

/// <summary>Whose flags weigh: members at <see cref="ModerationOptions.TrustedFlaggerLevel"/> or above who are not suspended.</summary>
public static class FlaggerTrust
{
    public static async Task<int> CountTrustedAsync(IQuerySession session, IReadOnlyCollection<Guid> memberIds, ModerationOptions options, DateTimeOffset now, CancellationToken ct)
    {
        var accounts = await session.LoadManyAsync<UserAccount>(ct, memberIds);
        var levels = (await session.LoadManyAsync<MemberTrust>(ct, memberIds)).ToDictionary(t => t.Id, t => t.Level);
        var suspended = (await session.LoadManyAsync<MemberSuspension>(ct, memberIds)).Where(s => s.IsActive(now)).Select(s => s.Id).ToHashSet();
        return accounts.Count(a => a.DeletedAt is null && levels.GetValueOrDefault(a.Id, TrustLevels.New) >= options.TrustedFlaggerLevel && !suspended.Contains(a.Id));
    }
}
