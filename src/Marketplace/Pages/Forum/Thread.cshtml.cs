using FluentValidation;
using Marketplace.Features.Forum;
using Marketplace.Features.Forum.Markdown;
using Marketplace.Pages.Shared;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Pages.Forum;

/// <summary>
/// A thread and its posts, with the reply form. forum-thread.js keeps the page live over <c>/hubs/forum</c>, joining
/// with the highest sequence number rendered here (<see cref="LastSeq"/>).
/// </summary>
public sealed class ThreadModel(
    IQuerySession session, ThreadWriter writer, ForumMarkdown markdown, IValidator<Posts.BodyRequest> validator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid ThreadId { get; set; }

    [BindProperty]
    public ReplyInput Input { get; set; } = new();

    public ForumThread Thread { get; private set; } = null!;

    public ForumCategory? Category { get; private set; }

    public IReadOnlyList<PostView> PostList { get; private set; } = [];

    public string? PreviewHtml { get; private set; }

    public ForumActor? Actor => ForumActor.Of(User);

    public long LastSeq => PostList.Count == 0 ? 0 : PostList.Max(p => p.Seq);

    /// <summary>Moderators may still post in locked threads and read-only categories; members may not.</summary>
    public bool CanReply => Actor is { } actor && (actor.IsModerator || (!Thread.Locked && Category?.ReadOnly != true));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        PreviewHtml = ForumPageHelpers.Preview(markdown, Input.Body);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Actor is not { } actor)
        {
            return Challenge();
        }

        var request = new Posts.BodyRequest(Input.Body ?? "");
        if (!await ModelState.ValidateAsync(validator, request, nameof(Input), ct))
        {
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        var (post, problem) = await writer.ReplyAsync(ThreadId, actor, request.Body, ct);
        if (problem is not null)
        {
            if (ForumPageHelpers.IsNotFound(problem))
            {
                return NotFound();
            }

            ModelState.AddModelError("", ForumPageHelpers.Message(problem));
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        return Redirect($"/forum/threads/{ThreadId}#post-{post!.Seq}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var thread = await session.LoadAsync<ForumThread>(ThreadId, ct);
        if (thread is null)
        {
            return false;
        }

        Thread = thread;
        Category = await session.LoadAsync<ForumCategory>(thread.CategoryId, ct);
        PostList = await Threads.VisiblePostsAsync(session, thread.Id, 0, Actor?.IsModerator == true, ct);
        return true;
    }

    public sealed class ReplyInput
    {
        public string? Body { get; set; }
    }
}
