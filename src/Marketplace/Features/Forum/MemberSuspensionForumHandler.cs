using Marketplace.Features.Moderation;
using Marketplace.Infrastructure.Persistence;
using Marten;

namespace Marketplace.Features.Forum;

/// <summary>
/// The forum follows a member's suspension: while it lasts they cannot post or type (<see cref="ForumMember.CanPost"/>).
/// It reads the suspension as it is now rather than the message's copy, so a suspension lifted right after it was
/// made ends lifted whatever order the two messages run in. The read and the write take turns per member: otherwise the
/// suspension's handler could read it still active, then commit after the lift's handler and put it back.
/// </summary>
public static class MemberSuspensionForumHandler
{
    public static async Task HandleAsync(MemberSuspensionChanged changed, IDocumentSession session, MemberSuspensions suspensions, CancellationToken ct)
    {
        await AdvisoryLocks.HoldAsync(session, $"forum-suspension:{changed.MemberId:N}", ct);
        var suspension = await suspensions.ActiveAsync(changed.MemberId, ct);
        var member = await session.LoadAsync<ForumMember>(changed.MemberId, ct) ?? new ForumMember { Id = changed.MemberId };
        member.PostingSuspendedUntil = suspension?.Until;
        session.Store(member);
    }
}
