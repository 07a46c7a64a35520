using Marketplace.Features.Forum;
using Marketplace.Features.Forum.Notifications;
using Marketplace.Pages.Shared;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.SignalR;

namespace Marketplace.Pages.Forum;

/// <summary>The member's notifications, newest first, with "mark all read" and the digest mail setting.</summary>
[Authorize]
public sealed class NotificationsModel(IQuerySession session) : PageModel
{
    public const int PageSize = ListNotifications.PageSize;

    /// <summary>The page number (<c>p</c>: Razor Pages keeps <c>page</c> for itself).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ListNotifications.Response List { get; private set; } = new([], 0);

    public bool EmailDigest { get; private set; } = true;

    private Guid MemberId => ForumActor.Of(User)!.Id;

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Infrastructure.Web.Paging.Number(PageNumber);
        List = await ListNotifications.ExecuteAsync(session, MemberId, unreadOnly: false, PageNumber, PageSize, ct);
        EmailDigest = (await GetNotificationSettings.ExecuteAsync(session, MemberId, ct)).EmailDigest;
    }

    public async Task<IActionResult> OnPostReadAllAsync(
        [FromServices] IDocumentSession writes, [FromServices] IHubContext<ForumHub> hub, [FromServices] TimeProvider clock, CancellationToken ct)
    {
        await MarkNotificationsRead.ExecuteAsync(MemberId, null, writes, hub, clock, ct);
        TempData.Flash("All your notifications are marked read.");
        return Redirect(ForumLinks.NotificationsPage);
    }

    public async Task<IActionResult> OnPostDigestAsync(bool emailDigest, [FromServices] IDocumentSession writes, CancellationToken ct)
    {
        await ChangeNotificationSettings.ExecuteAsync(MemberId, emailDigest, writes, ct);
        TempData.Flash(emailDigest ? "You will get a digest mail of unread notifications." : "You will get no more mail about notifications.");
        return Redirect($"{ForumLinks.NotificationsPage}#digest-settings");
    }
}
