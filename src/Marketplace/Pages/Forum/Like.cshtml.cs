using Marketplace.Features.Accounts;
using Marketplace.Features.Forum;
using Marketplace.Pages.Shared;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Marketplace.Pages.Forum;

/// <summary>
/// The Like button of a post without script: likes the post (or, with <c>unlike=true</c>, takes the like back) through
/// the same use case as <c>POST</c>/<c>DELETE /api/forum/posts/{postId}/like</c>, then goes back to the post; a refusal
/// (the reader's own post) comes back as a notice. A suspended member's post is refused before it gets here.
/// </summary>
[Authorize(Policy = Policies.Member)]
public sealed class LikeModel(IQuerySession session, IMessageBus bus) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid PostId { get; set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => BackAsync(null, ct);

    public async Task<IActionResult> OnPostAsync(bool unlike, CancellationToken ct)
    {
        var result = await LikePost.ExecuteAsync(PostId, Members.IdOf(User)!.Value, !unlike, bus, ct);
        return ForumPageHelpers.IsNotFound(result) ? NotFound() : await BackAsync(result is ProblemHttpResult ? ForumPageHelpers.Message(result) : null, ct);
    }

    private async Task<IActionResult> BackAsync(string? notice, CancellationToken ct)
    {
        if (await session.LoadAsync<ForumPost>(PostId, ct) is not { Hidden: false } post)
        {
            return NotFound();
        }

        if (notice is not null)
        {
            TempData.Flash(notice);
        }

        return Redirect($"/forum/threads/{post.ThreadId}#post-{post.Seq}");
    }
}
