using Marketplace.Features.Accounts;
using Marketplace.Features.Moderation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Pages.Admin;

/// <summary>Admins read what moderators and admins did, newest first, filtered by action, target and period.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AuditModel(IQuerySession session) : PageModel
{
    public const int PageSize = 50;

    /// <summary>Every action the log records, for the filter's choices.</summary>
    public static readonly IReadOnlyList<string> Actions =
    [
        "post.hide", "post.restore", "thread.lock", "thread.unlock", "thread.pin", "thread.unpin", "thread.move",
        "member.suspend", "member.unsuspend", "shop.suspend", "shop.reinstate", "product.takedown", "product.restore", "queue.upheld", "queue.dismissed",
    ];

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Target { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public GetAuditLog.Page Entries { get; private set; } = new([], 0, 1, PageSize);

    public string? Error { get; private set; }

    public int PageCount => (int)Math.Max(1, (Entries.Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Action = Actions.Contains(Action) ? Action : null;
        Target = string.IsNullOrWhiteSpace(Target) ? null : Target.Trim();
        if (Target is { Length: > GetAuditLog.MaxFilterLength } || From > To)
        {
            Error = From > To ? "The first day is after the last one." : $"A target id has at most {GetAuditLog.MaxFilterLength} characters.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var filter = new GetAuditLog.Filter(Action, null, null, Target,
            From?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), To?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        PageNumber = Infrastructure.Web.Paging.Number(PageNumber);
        Entries = await GetAuditLog.QueryAsync(session, filter, PageNumber, PageSize, ct);
    }

    /// <summary>The query of another page of the same filter.</summary>
    public Dictionary<string, string> RouteFor(int page) => new()
    {
        ["action"] = Action ?? "", ["target"] = Target ?? "", ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
        ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "", ["p"] = $"{page}",
    };

    public static string Describe(IReadOnlyDictionary<string, string?> state) =>
        state.Count == 0 ? "—" : string.Join(", ", state.Select(pair => $"{pair.Key}: {pair.Value ?? "none"}"));
}
