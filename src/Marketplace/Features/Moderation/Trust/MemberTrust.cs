using Marten;

namespace Marketplace.Features.Moderation.Trust;

/// <summary>
/// A member's trust level (id: the member) and the activity it was earned from. Written only under the member's
/// <c>trust:{id}</c> advisory lock, by <see cref="MemberTrustHandler"/> as activity comes in and by a moderator's
/// <see cref="SetTrustLevel"/>. No document: level 0.
/// </summary>
public sealed class MemberTrust
{
    public Guid Id { get; set; }

    /// <summary>The level in force: 0 new, 1 basic, 2 member, 3 regular.</summary>
    public int Level { get; set; }

    /// <summary>The last level a moderator set; automatic changes never go below it.</summary>
    public int? SetByModerator { get; set; }

    /// <summary>A moderator lowered the level: activity no longer raises it until a moderator sets one again.</summary>
    public bool Held { get; set; }

    public TrustActivity Activity { get; set; } = new(0, 0, 0, 0, 0);
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>What a member has done, as counted at <see cref="MemberTrust.UpdatedAt"/>.</summary>
public sealed record TrustActivity(int DaysSinceJoin, int TopicsEntered, int Posts, int LikesReceived, int Purchases);

/// <summary>The levels' names, and a member's level for the rules that depend on it.</summary>
public static class TrustLevels
{
    public const int New = 0;
    public const int Basic = 1;
    public const int Highest = 3;

    public static string Name(int level) => level switch
    {
        0 => "new",
        1 => "basic",
        2 => "member",
        3 => "regular",
        _ => $"level {level}",
    };

    public static async Task<int> OfAsync(IQuerySession session, Guid memberId, CancellationToken ct) =>
        (await session.LoadAsync<MemberTrust>(memberId, ct))?.Level ?? New;
}
