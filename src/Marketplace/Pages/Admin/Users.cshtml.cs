using FluentValidation;
using Marketplace.Features.Accounts;
using Marketplace.Features.Accounts.Admin;
using Marketplace.Features.Moderation;
using Marketplace.Features.Moderation.Trust;
using Marketplace.Pages.Shared;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Marketplace.Pages.Admin;

/// <summary>
/// Accounts for admins: search, page through, see roles and suspensions; grant and revoke the moderator role
/// (<see cref="ModeratorRole"/>), suspend and unsuspend (<see cref="SuspendMember"/>, the API's own use case);
/// each account's trust level.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class UsersModel(IQuerySession session, TimeProvider clock, IMessageBus bus, IValidator<SuspendMember.Request> suspensionRules) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    /// <summary>The page number (<c>p</c>: Razor Pages keeps <c>page</c> for itself).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ListUsers.Response Users { get; private set; } = null!;

    public int PageCount => (int)Math.Max(1, (Users.Total + PageSize - 1) / PageSize);

    /// <summary>The first day a suspension can end on (tomorrow, UTC), for the date inputs.</summary>
    public DateOnly EarliestEnd => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1);

    /// <summary>Nobody suspends themselves or an admin (the use case refuses too): the page offers no form for them.</summary>
    public bool CanSuspend(ListUsers.Item user) => user.Id != Members.IdOf(User) && !user.Roles.Contains(Roles.Admin);

    /// <summary>The trust level of each listed account that has one (none: 0, new).</summary>
    public IReadOnlyDictionary<Guid, int> TrustByUser { get; private set; } = new Dictionary<Guid, int>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Users = await ListUsers.HandleAsync(session, clock, Query, PageNumber, PageSize, ct);
        TrustByUser = (await session.LoadManyAsync<MemberTrust>(ct, Users.Items.Select(u => u.Id))).ToDictionary(t => t.Id, t => t.Level);
    }

    public Task<IActionResult> OnPostGrantAsync(Guid userId, CancellationToken ct) => ChangeModeratorAsync(userId, grant: true, ct);

    public Task<IActionResult> OnPostRevokeAsync(Guid userId, CancellationToken ct) => ChangeModeratorAsync(userId, grant: false, ct);

    /// <summary>Suspends until the start (00:00 UTC) of <paramref name="until"/>, with the reason the member is mailed.</summary>
    public async Task<IActionResult> OnPostSuspendAsync(Guid userId, DateOnly? until, string? reason)
    {
        var end = until is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : default;
        if (until is null || !SuspendMember.IsAllowedEnd(end, clock))
        {
            return Done($"Nothing was changed. {SuspendMember.UntilRule}");
        }

        var rules = await suspensionRules.ValidateAsync(new SuspendMember.Request(end, reason ?? ""), HttpContext.RequestAborted);
        if (!rules.IsValid)
        {
            return Done($"Nothing was changed. {string.Join(" ", rules.Errors.Select(e => e.ErrorMessage))}");
        }

        var result = await SuspendMember.ExecuteAsync(userId, end, reason!.Trim(), bus, HttpContext);
        return Done(Succeeded(result) ? $"Suspended until {end.UtcDateTime:yyyy-MM-dd HH:mm} UTC. The member is mailed the reason." : Refusal(result));
    }

    public async Task<IActionResult> OnPostUnsuspendAsync(Guid userId)
    {
        var result = await SuspendMember.ExecuteAsync(userId, null, null, bus, HttpContext);
        return Done(Succeeded(result) ? "The suspension is lifted. The member is mailed." : Refusal(result));
    }

    private async Task<IActionResult> ChangeModeratorAsync(Guid userId, bool grant, CancellationToken ct)
    {
        var outcome = await ModeratorRole.ExecuteAsync(userId, AuditActor.Of(User), grant, bus, ct);
        return Done(outcome switch
        {
            { Found: false } => "That account no longer exists.",
            { Identity.Succeeded: false } => $"Could not change the role: {string.Join(" ", outcome.Identity.Errors.Select(e => e.Description))}",
            _ when grant => $"{outcome.DisplayName} is now a moderator. The role applies from their next sign-in.",
            _ => $"{outcome.DisplayName} is no longer a moderator.",
        });
    }

    private RedirectToPageResult Done(string message)
    {
        TempData.Flash(message);
        return RedirectToPage(new { q = Query, p = PageNumber });
    }

    private static bool Succeeded(IResult result) => result is IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK };

    private static string Refusal(IResult result) => result is ProblemHttpResult { ProblemDetails: var problem }
        ? $"Nothing was changed. {problem.Title} {problem.Detail}".TrimEnd()
        : "Nothing was changed.";
}
