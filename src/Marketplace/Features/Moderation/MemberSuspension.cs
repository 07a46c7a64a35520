using Marten;

namespace Marketplace.Features.Moderation;

/// <summary>
/// A member's suspension, keyed by the member's id: until <see cref="Until"/> they can read, sign in and download what
/// they bought, but cannot post, type, flag, sell or check out (<see cref="SuspensionCheck"/>). Lifting it deletes it.
/// </summary>
public sealed class MemberSuspension
{
    public Guid Id { get; set; }
    public DateTimeOffset Until { get; set; }
    public string Reason { get; set; } = "";
    public Guid By { get; set; }
    public DateTimeOffset At { get; set; }

    public bool IsActive(DateTimeOffset now) => Until > now;
}

/// <summary>Reads a member's suspension, if one is in force.</summary>
public sealed class MemberSuspensions(IDocumentStore store, TimeProvider clock)
{
    public async Task<MemberSuspension?> ActiveAsync(Guid memberId, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var suspension = await session.LoadAsync<MemberSuspension>(memberId, ct);
        return suspension?.IsActive(clock.GetUtcNow()) == true ? suspension : null;
    }

    /// <summary>What a suspended member is told wherever an action is refused.</summary>
    public static string Explain(MemberSuspension suspension) =>
        $"Your account is suspended until {suspension.Until.UtcDateTime:yyyy-MM-dd HH:mm} UTC: {suspension.Reason} "
        + "You can still read the forum and download what you bought. To appeal, write to us from the contact page.";
}
