using FluentValidation;
using Marketplace.Features.Accounts;
using Marketplace.Features.Moderation;
using Marketplace.Infrastructure.Persistence;
using Marketplace.Infrastructure.Web;
using Marketplace.Pages.Forum;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Marketplace.Pages.Moderation;

/// <summary>The moderators' queue: flagged posts and reported products, oldest first, each claimed and resolved in place.</summary>
[Authorize(Policy = Policies.Moderator)]
public sealed class IndexModel(IQuerySession session, IMessageBus bus, TimeProvider clock, IValidator<ResolveQueueItem.Request> validator) : PageModel
{
    public const int PageSize = 20;

    public GetModerationQueue.Page Queue { get; private set; } = null!;

    public Guid? MeId => Members.IdOf(User);

    /// <summary>What the last claim or resolution did, or why it was refused.</summary>
    public string? Status { get; private set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostClaimAsync(string itemId, CancellationToken ct)
    {
        var result = QueueItem.IsWellFormed(itemId)
            ? await bus.InvokeAsync<IResult>(new ClaimQueueItem.Command(itemId, AuditActor.Of(User)), ct, UseCases.InvokeTimeout)
            : ModerationQueue.NotFound();
        return await AnswerAsync(result, "Claimed: the item is yours for a while.", ct);
    }

    public async Task<IActionResult> OnPostResolveAsync(string itemId, string? outcome, string? reason, bool malware, CancellationToken ct)
    {
        var request = new ResolveQueueItem.Request(outcome ?? "", reason ?? "", malware);
        IResult result;
        if (!(await validator.ValidateAsync(request, ct)).IsValid)
        {
            result = TypedResults.Problem(title: "Choose a decision and give a reason (at most 500 characters; optional only to approve a product).", statusCode: 400);
        }
        else
        {
            result = QueueItem.IsWellFormed(itemId)
                ? await bus.InvokeAsync<IResult>(new ResolveQueueItem.Command(itemId, AuditActor.Of(User), request.Outcome, request.Reason?.Trim() ?? "", malware), ct, UseCases.InvokeTimeout)
                : ModerationQueue.NotFound();
        }

        return await AnswerAsync(result, $"Resolved: {outcome}.", ct);
    }

    private async Task<IActionResult> AnswerAsync(IResult result, string done, CancellationToken ct)
    {
        Status = result is Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult ? ForumPageHelpers.Message(result) : done;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Queue = await GetModerationQueue.QueryAsync(session, clock.GetUtcNow(), Paging.Number(PageNumber), PageSize, ct);
}
