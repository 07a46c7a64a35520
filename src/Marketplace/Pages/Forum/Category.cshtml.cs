using FluentValidation;
using Marketplace.Features.Forum;
using Marketplace.Features.Forum.Markdown;
using Marketplace.Features.Forum.Watching;
using Marketplace.Pages.Shared;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Marketplace.Pages.Forum;

/// <summary>
/// A category's threads, pinned first (with unread counts of the ones the member tracks), the member's watching level
/// on the category, and the form that starts a new thread (with a server-rendered preview).
/// </summary>
public sealed class CategoryModel(
    IQuerySession session, IMessageBus bus, ForumMarkdown markdown, IValidator<Threads.StartRequest> validator, PostingLimiter limiter)
    : PageModel
{
    public const int PageSize = 30;

    /// <summary>The category's slug, or its id.</summary>
    [BindProperty(SupportsGet = true, Name = "category")]
    public string CategoryKey { get; set; } = "";

    /// <summary>The page number (<c>p</c>: Razor Pages keeps <c>page</c> for itself).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public NewThreadInput Input { get; set; } = new();

    public ForumCategory Category { get; private set; } = null!;

    public IReadOnlyList<Threads.Summary> ThreadList { get; private set; } = [];

    public string? PreviewHtml { get; private set; }

    /// <summary>The member's level on the category; null for visitors.</summary>
    public WatchLevel? CurrentLevel { get; private set; }

    /// <summary>The member's level and unread count per listed thread; empty for visitors.</summary>
    public IReadOnlyDictionary<Guid, ThreadFollowing> Following { get; private set; } = new Dictionary<Guid, ThreadFollowing>();

    public ForumActor? Actor => ForumActor.Of(User);

    /// <summary>Members start threads; in a read-only (announcements) category, only moderators do.</summary>
    public bool CanStartThread => Actor is { } actor && (!Category.ReadOnly || actor.IsModerator);

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
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Actor is not { } actor)
        {
            return Challenge();
        }

        // What was typed is checked first: an empty or too long post is told so, and costs no permit.
        var request = new Threads.StartRequest(Input.Title ?? "", Input.Body ?? "");
        if (!await ModelState.ValidateAsync(validator, request, nameof(Input), ct))
        {
            return Page();
        }

        using var permit = await limiter.AcquireAsync(HttpContext);
        if (!permit.IsAcquired)
        {
            return ForumPageHelpers.TooManyPosts(this, permit);
        }

        var (thread, _, problem) = await ThreadWriter.StartThreadAsync(bus, Category.Id, actor, request.Title, request.Body, null, ct);
        if (problem is not null)
        {
            ModelState.AddModelError("", ForumPageHelpers.Message(problem));
            return Page();
        }

        return Redirect($"/forum/threads/{thread!.Id}");
    }

    public async Task<IActionResult> OnPostWatchAsync(string? level, [FromServices] IDocumentSession writes, [FromServices] TimeProvider clock, CancellationToken ct)
    {
        if (Actor is not { } actor)
        {
            return Challenge();
        }

        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (!WatchLevels.TryParse(level, out var chosen))
        {
            return BadRequest();
        }

        await WatchCategory.ExecuteAsync(Category.Id, actor.Id, chosen, writes, clock, ct);
        TempData.Flash(chosen switch
        {
            WatchLevel.Watching => "You are watching this category: every new post in it notifies you.",
            WatchLevel.Tracking => "You are tracking this category: unread posts are counted in its threads.",
            WatchLevel.Muted => "You muted this category: its threads never notify you, except when you are mentioned.",
            _ => "This category notifies you when you are mentioned or quoted.",
        });
        return Redirect($"/forum/{Category.Slug}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var category = Guid.TryParse(CategoryKey, out var id)
            ? await session.LoadAsync<ForumCategory>(id, ct)
            : await session.Query<ForumCategory>().FirstOrDefaultAsync(c => c.Slug == CategoryKey, ct);
        if (category is null)
        {
            return false;
        }

        Category = category;
        PageNumber = Infrastructure.Web.Paging.Number(PageNumber);
        ThreadList = await Threads.ListAsync(category.Id, session, PageNumber, ct);
        if (Actor is { } member)
        {
            CurrentLevel = await MemberWatches.ForCategoryAsync(session, member.Id, category.Id, ct);
            Following = await MemberWatches.ForThreadListAsync(session, member.Id, category.Id, ThreadList, ct);
        }
        return true;
    }

    public sealed class NewThreadInput
    {
        public string? Title { get; set; }
        public string? Body { get; set; }
    }
}
