using Marketplace.Features.Forum;
using Marketplace.Features.Forum.Watching;
using Marketplace.Features.Moderation;
using Marketplace.Pages.Shared;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Marketplace.Pages.Forum;

/// <summary>
/// The thread page's small forms: the member's watching level, and the moderators' pin, lock and move. Each runs the
/// same use case as the API and goes back to the thread with a notice.
/// </summary>
[Authorize]
public sealed class ThreadActionsModel(IDocumentSession session, IMessageBus bus, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid ThreadId { get; set; }

    public IActionResult OnGet() => Back();

    public async Task<IActionResult> OnPostWatchAsync(string? level, CancellationToken ct)
    {
        if (!WatchLevels.TryParse(level, out var chosen))
        {
            return BadRequest();
        }

        if (!await WatchThread.ExecuteAsync(ThreadId, ForumActor.Of(User)!.Id, chosen, session, clock, ct))
        {
            return NotFound();
        }

        return Back(chosen switch
        {
            WatchLevel.Watching => "You are watching this thread: every new post notifies you.",
            WatchLevel.Tracking => "You are tracking this thread: its unread posts are counted for you.",
            WatchLevel.Muted => "You muted this thread: it never notifies you.",
            _ => "This thread notifies you when you are mentioned or quoted.",
        });
    }

    public Task<IActionResult> OnPostPinAsync(CancellationToken ct) => PinAsync(true, "The thread is pinned to the top of its category.", ct);

    public Task<IActionResult> OnPostUnpinAsync(CancellationToken ct) => PinAsync(false, "The thread is no longer pinned.", ct);

    public Task<IActionResult> OnPostLockAsync(CancellationToken ct) =>
        ModerateAsync(() => ThreadModeration.ExecuteAsync(ThreadId, locked: true, AuditActor.Of(User), null, bus, ct), "The thread is locked.");

    public Task<IActionResult> OnPostUnlockAsync(CancellationToken ct) =>
        ModerateAsync(() => ThreadModeration.ExecuteAsync(ThreadId, locked: false, AuditActor.Of(User), null, bus, ct), "The thread is open for replies again.");

    public Task<IActionResult> OnPostMoveAsync(Guid categoryId, CancellationToken ct) =>
        ModerateAsync(() => MoveThread.ExecuteAsync(ThreadId, categoryId, AuditActor.Of(User), session, clock, ct), "The thread was moved.");

    private Task<IActionResult> PinAsync(bool pinned, string notice, CancellationToken ct) =>
        ModerateAsync(async () => await PinThread.ExecuteAsync(ThreadId, pinned, AuditActor.Of(User), session, clock, ct) ? TypedResults.NoContent() : ForumProblems.ThreadNotFound(), notice);

    private async Task<IActionResult> ModerateAsync(Func<Task<IResult>> action, string notice)
    {
        if (ForumActor.Of(User)?.IsModerator != true)
        {
            return Forbid();
        }

        var result = await action();
        return ForumPageHelpers.IsNotFound(result) ? NotFound() : Back(notice);
    }

    private IActionResult Back(string? notice = null)
    {
        if (notice is not null)
        {
            TempData.Flash(notice);
        }

        return Redirect($"/forum/threads/{ThreadId}");
    }
}
