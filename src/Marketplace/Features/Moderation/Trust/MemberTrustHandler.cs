using Marketplace.Features.Accounts;
using Marketplace.Features.Forum;
using Marketplace.Features.Forum.Watching;
using Marketplace.Features.Orders;
using Marketplace.Infrastructure.Persistence;
using Marten;
using Microsoft.Extensions.Options;

namespace Marketplace.Features.Moderation.Trust;

/// <summary>
/// Works a member's trust level out again when they do something it counts: post, are liked, enter a thread, buy.
/// The activity is counted afresh from what is stored (not added up from messages), so a message handled twice, or
/// two at once, still leaves the right counts; the level only goes up here, and not at all while a moderator holds it.
/// </summary>
public static class MemberTrustHandler
{
    public static async Task HandleAsync(PostPublished message, IDocumentSession session, IOptions<TrustOptions> options, TimeProvider clock, CancellationToken ct)
    {
        if (await session.LoadAsync<ForumPost>(message.PostId, ct) is { } post)
        {
            await RecomputeAsync(session, post.AuthorId, options.Value, clock.GetUtcNow(), ct);
        }
    }

    public static Task HandleAsync(PostLikesChanged message, IDocumentSession session, IOptions<TrustOptions> options, TimeProvider clock, CancellationToken ct) =>
        RecomputeAsync(session, message.AuthorId, options.Value, clock.GetUtcNow(), ct);

    public static Task HandleAsync(ThreadEntered message, IDocumentSession session, IOptions<TrustOptions> options, TimeProvider clock, CancellationToken ct) =>
        RecomputeAsync(session, message.MemberId, options.Value, clock.GetUtcNow(), ct);

    public static async Task HandleAsync(EntitlementGranted message, IDocumentSession session, IOptions<TrustOptions> options, TimeProvider clock, CancellationToken ct)
    {
        if (await session.LoadAsync<Entitlement>(message.EntitlementId, ct) is { } entitlement)
        {
            await RecomputeAsync(session, entitlement.BuyerId, options.Value, clock.GetUtcNow(), ct);
        }
    }

    public static async Task RecomputeAsync(IDocumentSession session, Guid memberId, TrustOptions options, DateTimeOffset now, CancellationToken ct)
    {
        await AdvisoryLocks.HoldAsync(session, TrustLock(memberId), ct);
        if (await session.LoadAsync<UserAccount>(memberId, ct) is not { DeletedAt: null } account)
        {
            return;
        }

        var activity = new TrustActivity(
            (int)Math.Max(0, (now - account.CreatedAt).TotalDays),
            await session.Query<ThreadReadMark>().CountAsync(m => m.MemberId == memberId, ct),
            await session.Query<ForumPost>().CountAsync(p => p.AuthorId == memberId && !p.Hidden, ct),
            await session.Query<PostLike>().CountAsync(l => l.PostAuthorId == memberId, ct),
            await session.Query<Entitlement>().CountAsync(e => e.BuyerId == memberId && e.State != EntitlementState.Revoked, ct));
        var trust = await session.LoadAsync<MemberTrust>(memberId, ct) ?? new MemberTrust { Id = memberId };
        var level = trust.Held ? trust.Level : Math.Max(trust.Level, Earned(activity, options));
        if (level == trust.Level && activity == trust.Activity)
        {
            return;
        }

        (trust.Level, trust.Activity, trust.UpdatedAt) = (level, activity, now);
        session.Store(trust);
    }

    /// <summary>The highest level whose thresholds, and those of every level below it, the activity meets.</summary>
    public static int Earned(TrustActivity activity, TrustOptions options)
    {
        var level = TrustLevels.New;
        while (level < TrustLevels.Highest && Meets(activity, options.For(level + 1)))
        {
            level++;
        }

        return level;
    }

    /// <summary>Writes of one member's trust take turns (activity and moderators), across every node.</summary>
    public static string TrustLock(Guid memberId) => $"trust:{memberId}";

    private static bool Meets(TrustActivity a, TrustThresholds t) =>
        a.DaysSinceJoin >= t.DaysSinceJoin && a.TopicsEntered >= t.TopicsEntered && a.Posts >= t.Posts
        && a.LikesReceived >= t.LikesReceived && a.Purchases >= t.Purchases;
}
