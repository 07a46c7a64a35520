using FluentValidation;
using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Persistence;
using Marketplace.Infrastructure.Web;
using Marten;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Moderation;

/// <summary>A member was suspended until a time, or their suspension lifted (<see cref="Until"/> null).</summary>
public sealed record MemberSuspensionChanged(Guid MemberId, DateTimeOffset? Until, string? Reason, string BaseUrl);

/// <summary>
/// <c>POST /api/moderation/users/{userId}/suspend</c> <c>{until, reason}</c> and <c>/unsuspend</c>: moderators suspend
/// members, admins also moderators; nobody suspends an admin or themselves. Audited, and the member is mailed.
/// </summary>
[WolverineHandler]
public static class SuspendMember
{
    public static readonly TimeSpan Longest = TimeSpan.FromDays(3650);

    public sealed record Request(DateTimeOffset Until, string Reason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Reason).ModerationReason("member");
            RuleFor(r => r.Until).NotEmpty().WithMessage("Say until when.");
        }
    }

    public sealed record Command(Guid MemberId, AuditActor Actor, bool ActorIsAdmin, DateTimeOffset? Until, string? Reason, string BaseUrl);

    public sealed record Response(Guid MemberId, DateTimeOffset? Until, string? Reason);

    public static void Map(RouteGroupBuilder users)
    {
        users.MapPost("/{userId:guid}/suspend", SuspendAsync).Validate<Request>().WithName("SuspendMember")
            .WithSummary("Suspends a member until a time, with a reason they are mailed. Moderators suspend members; admins also moderators.")
            .Produces<Response>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        users.MapPost("/{userId:guid}/unsuspend", UnsuspendAsync).WithName("UnsuspendMember")
            .WithSummary("Lifts a member's suspension (a member who is not suspended stays so).")
            .Produces<Response>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    public const string UntilRule = "Choose a time in the future, at most ten years away.";

    public static async Task<IResult> SuspendAsync(Guid userId, Request request, IMessageBus bus, TimeProvider clock, HttpContext http) =>
        IsAllowedEnd(request.Until, clock)
            ? await ExecuteAsync(userId, request.Until, request.Reason.Trim(), bus, http)
            : ValidationProblems.Field("until", UntilRule);

    public static async Task<IResult> UnsuspendAsync(Guid userId, IMessageBus bus, HttpContext http)
    {
        var (reason, problem) = await ModerationNote.ReadAsync(http.Request);
        return problem ?? await ExecuteAsync(userId, null, reason, bus, http);
    }

    /// <summary>A suspension may end in the future, at most <see cref="Longest"/> away.</summary>
    public static bool IsAllowedEnd(DateTimeOffset until, TimeProvider clock) =>
        until > clock.GetUtcNow() && until <= clock.GetUtcNow() + Longest;

    /// <summary>Suspends until <paramref name="until"/>, or lifts the suspension when it is null; the users page calls this too.</summary>
    public static Task<IResult> ExecuteAsync(Guid userId, DateTimeOffset? until, string? reason, IMessageBus bus, HttpContext http) =>
        bus.InvokeAsync<IResult>(
            new Command(userId, AuditActor.Of(http.User), Members.IsAdmin(http.User), until, reason, PublicUrl.Of(http)), http.RequestAborted, UseCases.InvokeTimeout);

    public static async Task<(IResult, OutgoingMessages)> HandleAsync(Command command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var member = await session.LoadAsync<UserAccount>(command.MemberId, ct);
        if (member is null || member.DeletedAt is not null)
        {
            return (ModerationProblems.MemberNotFound(), []);
        }

        if (RefusalOf(member, command) is { } refusal)
        {
            return (refusal, []);
        }

        // Two moderators at once take turns, so the second's audit entry shows the first's suspension as "before".
        await AdvisoryLocks.HoldAsync(session, $"suspension:{member.Id}", ct);
        var now = clock.GetUtcNow();
        var current = await session.LoadAsync<MemberSuspension>(member.Id, ct);
        if (command.Until is { } same && current?.Until == same && current.Reason == command.Reason)
        {
            return (TypedResults.Ok(new Response(member.Id, same, current.Reason)), []); // a repeat: no second entry or mail
        }

        var before = Snapshot(current, now);
        if (command.Until is { } until)
        {
            session.Store(new MemberSuspension { Id = member.Id, Until = until, Reason = command.Reason!, By = command.Actor.Id, At = now });
        }
        else if (current is null)
        {
            return (TypedResults.Ok(new Response(member.Id, null, null)), []);
        }
        else
        {
            session.Delete<MemberSuspension>(member.Id);
        }

        var after = command.Until is null ? Snapshot(null, now) : new Dictionary<string, string?> { ["until"] = $"{command.Until:O}", ["reason"] = command.Reason };
        AuditTrail.Record(session, command.Actor, command.Until is null ? "member.unsuspend" : "member.suspend", "member", $"{member.Id}",
            command.Reason, before, after, now);
        return (TypedResults.Ok(new Response(member.Id, command.Until, command.Reason)),
            [new MemberSuspensionChanged(member.Id, command.Until, command.Reason, command.BaseUrl)]);
    }

    /// <summary>Nobody suspends themselves or an admin; only admins suspend moderators. Each refusal says which rule it is.</summary>
    private static IResult? RefusalOf(UserAccount member, Command command) =>
        member.Id == command.Actor.Id ? ModerationProblems.Refused("You cannot suspend yourself.", "Nobody suspends themselves; ask another admin.")
        : member.IsInRole(Roles.Admin) ? ModerationProblems.Refused("Admins cannot be suspended.", "An admin's access is managed in the platform's configuration, not by suspension.")
        : member.IsInRole(Roles.Moderator) && !command.ActorIsAdmin ? ModerationProblems.NotYours("Moderators are suspended by admins only.")
        : null;

    private static Dictionary<string, string?> Snapshot(MemberSuspension? suspension, DateTimeOffset now) =>
        suspension?.IsActive(now) == true
            ? new() { ["until"] = $"{suspension.Until:O}", ["reason"] = suspension.Reason }
            : new() { ["until"] = null };
}
