using Marketplace.Features.Moderation;
using Marketplace.Infrastructure.Persistence;
using Marketplace.Infrastructure.Web;
using Marten;
using Microsoft.AspNetCore.Identity;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Accounts.Admin;

/// <summary>
/// Admins grant and revoke the moderator role, audited (<c>member.role.grant</c>, <c>member.role.revoke</c>, with the
/// roles before and after) in the role change's own commit. Roles reach the account's sessions at their next sign-in.
/// </summary>
[WolverineHandler]
public static class ModeratorRole
{
    /// <summary>Two admins changing one account at once: the loser reads the winner's roles and changes nothing more.</summary>
    private const int Attempts = 3;

    public sealed record Command(Guid UserId, AuditActor Actor, bool Grant);

    /// <summary>What happened: <see cref="Found"/> false when there is no such account; a failed <see cref="Identity"/> when Identity refused.</summary>
    public sealed record Outcome(bool Found, string? DisplayName, IdentityResult Identity);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/{userId:guid}/moderator", GrantAsync).WithName("GrantModerator")
            .WithSummary("Makes a member a moderator (audited). Granting a role the member has changes nothing.");
        group.MapDelete("/{userId:guid}/moderator", RevokeAsync).WithName("RevokeModerator")
            .WithSummary("Takes the moderator role away (audited). Revoking a role the member lacks changes nothing.");
    }

    public static Task<IResult> GrantAsync(Guid userId, IMessageBus bus, HttpContext http) => ChangeAsync(userId, bus, http, grant: true);

    public static Task<IResult> RevokeAsync(Guid userId, IMessageBus bus, HttpContext http) => ChangeAsync(userId, bus, http, grant: false);

    private static async Task<IResult> ChangeAsync(Guid userId, IMessageBus bus, HttpContext http, bool grant) =>
        await ExecuteAsync(userId, AuditActor.Of(http.User), grant, bus, http.RequestAborted) switch
        {
            { Found: false } => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound, title: "No such account."),
            { Identity.Succeeded: true } => TypedResults.NoContent(),
            var failed => AccountResults.From(failed.Identity),
        };

    /// <summary>The page calls this too.</summary>
    public static Task<Outcome> ExecuteAsync(Guid userId, AuditActor actor, bool grant, IMessageBus bus, CancellationToken ct) =>
        bus.InvokeAsync<Outcome>(new Command(userId, actor, grant), ct, UseCases.InvokeTimeout);

    public static async Task<Outcome> HandleAsync(
        Command command, UserManager<UserAccount> users, IDocumentSession session, IMessageContext messages, TimeProvider clock)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await users.FindByIdAsync(command.UserId.ToString()) is not { } user)
            {
                return new Outcome(false, null, IdentityResult.Success);
            }

            if (command.Grant == user.IsInRole(Roles.Moderator))
            {
                return new Outcome(true, user.DisplayName, IdentityResult.Success); // nothing changes, so nothing is logged
            }

            var before = RolesOf(user.Roles);
            var after = command.Grant ? RolesOf([.. user.Roles, Roles.Moderator]) : RolesOf(user.Roles.Where(r => r != Roles.Moderator));
            // The entry waits in the session the user store saves: it commits with the role, or not at all.
            AuditTrail.Record(session, command.Actor, command.Grant ? "member.role.grant" : "member.role.revoke", "member", $"{user.Id}",
                null, new() { ["roles"] = before }, new() { ["roles"] = after }, clock.GetUtcNow());
            var result = await messages.CommitWithAsync(session, () =>
                command.Grant ? users.AddToRoleAsync(user, Roles.Moderator) : users.RemoveFromRoleAsync(user, Roles.Moderator));
            if (result.Succeeded)
            {
                await users.UpdateSecurityStampAsync(user); // sessions pick up the new roles by signing in again
                return new Outcome(true, user.DisplayName, result);
            }

            if (attempt == Attempts || !result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
            {
                return new Outcome(true, user.DisplayName, result);
            }
        }
    }

    private static string RolesOf(IEnumerable<string> roles) => string.Join(" ", Roles.All.Where(roles.Contains));
}
