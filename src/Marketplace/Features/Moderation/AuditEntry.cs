using System.Security.Claims;
using Marketplace.Features.Accounts;
using Marten;

namespace Marketplace.Features.Moderation;

/// <summary>
/// One moderator or admin action: who did what to which target, why, and the target's state before and after. Written
/// in the action's own transaction (<see cref="AuditTrail"/>), so an action and its entry commit or fail together.
/// </summary>
public sealed class AuditEntry
{
    public Guid Id { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid ActorId { get; set; }
    public string ActorName { get; set; } = "";

    /// <summary>What was done, as <c>target-kind.verb</c>: <c>post.hide</c>, <c>member.suspend</c>, <c>shop.reinstate</c>…</summary>
    public string Action { get; set; } = "";

    public string TargetKind { get; set; } = "";
    public string TargetId { get; set; } = "";
    public string? Reason { get; set; }
    public Dictionary<string, string?> Before { get; set; } = [];
    public Dictionary<string, string?> After { get; set; } = [];
}

/// <summary>The staff member acting, read from the principal.</summary>
public sealed record AuditActor(Guid Id, string Name)
{
    /// <summary>The platform acting on its own rules (a post hidden by its members' flags).</summary>
    public static readonly AuditActor System = new(Guid.Empty, "system");

    public static AuditActor Of(ClaimsPrincipal user) =>
        new(Members.IdOf(user) ?? Guid.Empty, user.FindFirstValue(AccountClaimsFactory.DisplayNameClaim) ?? "Staff");
}

/// <summary>Appends audit entries to the session of the action they record.</summary>
public static class AuditTrail
{
    public static AuditEntry Record(
        IDocumentSession session, AuditActor actor, string action, string targetKind, string targetId, string? reason,
        Dictionary<string, string?> before, Dictionary<string, string?> after, DateTimeOffset at)
    {
        var entry = new AuditEntry
        {
            Id = Guid.CreateVersion7(at), At = at, ActorId = actor.Id, ActorName = actor.Name, Action = action,
            TargetKind = targetKind, TargetId = targetId, Reason = reason, Before = before, After = after,
        };
        session.Store(entry);
        return entry;
    }
}
