using FluentValidation;
using Marketplace.Features.Forum;
using Marketplace.Features.Forum.Watching;
using Marketplace.Features.Moderation;
using Marketplace.Infrastructure.Persistence;
using Marketplace.Pages.Shared;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Marketplace.Pages.Forum;

/// <summary>
/// The thread page's small forms: the member's watching level and edits of their posts (a post's menu), and the
/// moderators' pin, lock, move, hide and restore. Each runs the same use case as the API and goes back to the thread
/// with a notice.
/// </summary>
[Authorize]
public sealed class ThreadActionsModel(IDocumentSession session, IMessageBus bus, TimeProvider clock, IValidator<Posts.BodyRequest> validator) : PageModel
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

    public async Task<IActionResult> OnPostEditPostAsync(Guid postId, string? body, CancellationToken ct)
    {
        var request = new Posts.BodyRequest(body ?? "");
        if (await validator.ValidateAsync(request, ct) is { IsValid: false } invalid)
        {
            return Back($"The post was not saved: {invalid.Errors[0].ErrorMessage}");
        }

        var (post, problem) = await bus.InvokeAsync<Posts.Edited>(new Posts.Edit(postId, ForumActor.Of(User)!, request.Body), ct, UseCases.InvokeTimeout);
        return problem switch
        {
            null => Back("Your post is saved.", post!.Seq),
            _ when ForumPageHelpers.IsNotFound(problem) => NotFound(),
            ProblemHttpResult { StatusCode: StatusCodes.Status403Forbidden } => Forbid(),
            _ => Back($"The post was not saved: {ForumPageHelpers.Message(problem)}"),
        };
    }

    public Task<IActionResult> OnPostHidePostAsync(Guid postId, string? reason, CancellationToken ct) =>
        SetHiddenAsync(postId, hidden: true, reason, "The post is hidden.", ct);

    public Task<IActionResult> OnPostRestorePostAsync(Guid postId, CancellationToken ct) =>
        SetHiddenAsync(postId, hidden: false, null, "The post is restored.", ct);

    private Task<IActionResult> SetHiddenAsync(Guid postId, bool hidden, string? reason, string notice, CancellationToken ct)
    {
        var note = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (note is not null && (note.Length > ModerationNote.MaxReasonLength || note.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))))
        {
            return Task.FromResult<IActionResult>(BadRequest());
        }

        return ModerateAsync(() => bus.InvokeAsync<IResult>(new PostModeration.SetHidden(postId, hidden, AuditActor.Of(User), note), ct, UseCases.InvokeTimeout), notice);
    }

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

    private IActionResult Back(string? notice = null, long? seq = null)
    {
        if (notice is not null)
        {
            TempData.Flash(notice);
        }

        return Redirect(seq is { } at ? $"/forum/threads/{ThreadId}#post-{at}" : $"/forum/threads/{ThreadId}");
    }
}
