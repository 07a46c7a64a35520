using FluentValidation;
using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Persistence;
using Marketplace.Infrastructure.Web;
using Marten;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Moderation.Trust;

/// <summary>
/// <c>POST /api/moderation/users/{userId}/trust</c> <c>{level, reason}</c> (moderators and admins): sets a member's trust
/// level, audited with the level before and after. Activity raises a level a moderator set but never lowers it; a level
/// set lower than the member's current one is held there (activity no longer raises it) until a moderator sets another.
/// Nobody sets their own level.
/// </summary>
[WolverineHandler]
public static class SetTrustLevel
{
    public sealed record Request(int Level, string Reason);

    public sealed record Response(Guid MemberId, int Level, string Name, bool Held);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Level).InclusiveBetween(TrustLevels.New, TrustLevels.Highest)
                .WithMessage($"A trust level is {TrustLevels.New} (new) to {TrustLevels.Highest} (regular).");
            RuleFor(r => r.Reason).ModerationReason("audit log's reader");
        }
    }

    public sealed record Command(Guid MemberId, AuditActor Actor, int Level, string Reason);

    public static void Map(RouteGroupBuilder users) =>
        users.MapPost("/{userId:guid}/trust", PostAsync).Validate<Request>().WithName("SetTrustLevel")
            .WithSummary("Sets a member's trust level (0 new, 1 basic, 2 member, 3 regular), with a reason kept in the audit log.")
            .Produces<Response>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

    public static Task<IResult> PostAsync(Guid userId, Request request, IMessageBus bus, HttpContext http) =>
        ExecuteAsync(new Command(userId, AuditActor.Of(http.User), request.Level, request.Reason.Trim()), bus, http.RequestAborted);

    public static Task<IResult> ExecuteAsync(Command command, IMessageBus bus, CancellationToken ct) =>
        bus.InvokeAsync<IResult>(command, ct, UseCases.InvokeTimeout);

    public static async Task<IResult> HandleAsync(Command command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        if (await session.LoadAsync<UserAccount>(command.MemberId, ct) is not { DeletedAt: null } member)
        {
            return ModerationProblems.MemberNotFound();
        }

        if (member.Id == command.Actor.Id)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, type: ProblemTypes.Forbidden,
                title: "Nobody sets their own trust level.", detail: "Ask another moderator.");
        }

        await AdvisoryLocks.HoldAsync(session, MemberTrustHandler.TrustLock(member.Id), ct);
        var trust = await session.LoadAsync<MemberTrust>(member.Id, ct) ?? new MemberTrust { Id = member.Id };
        if (trust.SetByModerator == command.Level && trust.Level == command.Level)
        {
            return TypedResults.Ok(Of(trust)); // a repeat: no second audit entry
        }

        var now = clock.GetUtcNow();
        var before = Snapshot(trust);
        // Lowered (or set again where it is held): activity stops raising it. Raised: activity goes on from there.
        var held = command.Level < trust.Level || (trust.Held && command.Level == trust.Level);
        (trust.Held, trust.Level, trust.SetByModerator, trust.UpdatedAt) = (held, command.Level, command.Level, now);
        session.Store(trust);
        AuditTrail.Record(session, command.Actor, "member.trust", "member", $"{member.Id}", command.Reason, before, Snapshot(trust), now);
        return TypedResults.Ok(Of(trust));
    }

    private static Response Of(MemberTrust trust) => new(trust.Id, trust.Level, TrustLevels.Name(trust.Level), trust.Held);

    private static Dictionary<string, string?> Snapshot(MemberTrust trust) => new()
    {
        ["level"] = $"{trust.Level}",
        ["name"] = TrustLevels.Name(trust.Level),
        ["held"] = trust.Held ? "true" : "false",
    };
}
