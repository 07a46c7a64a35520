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
/// A thread and its posts, with the reply form. forum-thread.js keeps the page live over <c>/hubs/forum</c>, joining
/// with the highest sequence number rendered here (<see cref="LastSeq"/>). Opening it marks the thread read for the
/// member; <c>?quote={postId}</c> starts the reply with a quote of that post (what the Quote action does without script).
/// Watching and the moderators' actions post to <see cref="ThreadActionsModel"/>.
/// </summary>
public sealed class ThreadModel(
    IQuerySession session, IMessageBus bus, ForumMarkdown markdown, IValidator<Posts.BodyRequest> validator, ThreadReading reading,
    PostingLimiter limiter) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid ThreadId { get; set; }

    [BindProperty]
    public ReplyInput Input { get; set; } = new();

    public ForumThread Thread { get; private set; } = null!;

    public ForumCategory? Category { get; private set; }

    public IReadOnlyList<PostView> PostList { get; private set; } = [];

    /// <summary>The member's level on the thread; null for visitors.</summary>
    public WatchLevel? CurrentLevel { get; private set; }

    /// <summary>The hidden posts a moderator sees, marked as such.</summary>
    public IReadOnlySet<Guid> HiddenPosts { get; private set; } = new HashSet<Guid>();

    /// <summary>Where a moderator may move the thread.</summary>
    public IReadOnlyList<Categories.View> MoveTargets { get; private set; } = [];

    public string? PreviewHtml { get; private set; }

    /// <summary>The posts the reader liked: their Like buttons show pressed.</summary>
    public IReadOnlySet<Guid> LikedPosts { get; private set; } = new HashSet<Guid>();

    /// <summary>The reader is a member at trust level 0: the reply form says they cannot post links or images yet.</summary>
    public bool IsNewMember { get; private set; }

    public ForumActor? Actor => ForumActor.Of(User);

    public long LastSeq => PostList.Count == 0 ? 0 : PostList.Max(p => p.Seq);

    /// <summary>Moderators may still post in locked threads and read-only categories; members may not.</summary>
    public bool CanReply => Actor is { } actor && (actor.IsModerator || (!Thread.Locked && Category?.ReadOnly != true));

    /// <summary>A member who could reply but for the lock: the page holds a hidden composer that a live unlock shows.</summary>
    public bool CanReplyOnceUnlocked => Actor is not null && Thread.Locked && Category?.ReadOnly != true;

    public async Task<IActionResult> OnGetAsync(Guid? quote, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Actor is { } actor)
        {
            await reading.MarkReadAsync(actor.Id, Thread.Id, Thread.LastSeq, ct);
        }

        if (quote is { } postId && CanReply && await QuotePost.ExecuteAsync(postId, Actor!.IsModerator, session, markdown, ct) is { } quoted
            && quoted.ThreadId == Thread.Id)
        {
            Input.Body = quoted.Markdown;
        }

        return Page();
    }

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

        // What was typed is checked first: an empty or too long reply is told so, and costs no permit.
        var request = new Posts.BodyRequest(Input.Body ?? "");
        if (!await ModelState.ValidateAsync(validator, request, nameof(Input), ct))
        {
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        using var permit = await limiter.AcquireAsync(HttpContext);
        if (!permit.IsAcquired)
        {
            return await LoadAsync(ct) ? ForumPageHelpers.TooManyPosts(this, permit) : NotFound();
        }

        var (post, problem) = await ThreadWriter.ReplyAsync(bus, ThreadId, actor, request.Body, ct);
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
        if (Actor is { } actor)
        {
            CurrentLevel = await MemberWatches.ForThreadAsync(session, actor.Id, thread, ct);
            LikedPosts = await PostLikes.LikedByAsync(session, actor.Id, thread.Id, ct);
            IsNewMember = await NewMemberRules.IsNewAsync(session, actor, ct);
            if (actor.IsModerator)
            {
                MoveTargets = await Categories.ListForAsync(session, null, ct);
                HiddenPosts = (await session.Query<ForumPost>().Where(p => p.ThreadId == thread.Id && p.Hidden).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
            }
        }

        return true;
    }

    public sealed class ReplyInput
    {
        public string? Body { get; set; }
    }
}
