using FluentValidation;
using Marketplace.Features.Accounts;
using Marketplace.Features.Forum;
using Marketplace.Infrastructure.Persistence;
using Marketplace.Pages.Shared;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Marketplace.Pages.Forum;

/// <summary>
/// Flags a post for the moderators: the form in each post's menu posts here (and, without script or after a mistake,
/// this page shows the form itself). Same use case as <c>POST /api/forum/posts/{postId}/flags</c>.
/// </summary>
[Authorize(Policy = Policies.Member)]
public sealed class FlagModel(IQuerySession session, IMessageBus bus, IValidator<FlagPost.Request> validator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid PostId { get; set; }

    [BindProperty]
    public FlagInput Input { get; set; } = new();

    public ForumPost Post { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var request = new FlagPost.Request(Input.Reason ?? "", Input.Text);
        if (!await ModelState.ValidateAsync(validator, request, nameof(Input), ct))
        {
            return Page();
        }

        var result = await bus.InvokeAsync<IResult>(
            new FlagPost.Command(PostId, Members.IdOf(User)!.Value, request.Reason, string.IsNullOrWhiteSpace(request.Text) ? null : request.Text.Trim()),
            ct, UseCases.InvokeTimeout);
        if (result is Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult)
        {
            ModelState.AddModelError("", ForumPageHelpers.Message(result));
            return Page();
        }

        return Redirect($"/forum/threads/{Post.ThreadId}?flagged={Post.Seq}#post-{Post.Seq}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var post = await session.LoadAsync<ForumPost>(PostId, ct);
        if (post is null || post.Hidden)
        {
            return false;
        }

        Post = post;
        return true;
    }

    public sealed class FlagInput
    {
        public string? Reason { get; set; }

        public string? Text { get; set; }
    }
}
