using System.Globalization;
using System.Threading.RateLimiting;
using Marketplace.Features.Forum.Watching;
using Marketplace.Pages.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Pages.Forum;

/// <summary>What the forum pages share: how times read, and how a use case's problem reads on a form.</summary>
public static class ForumPageHelpers
{
    /// <summary>The same format forum-thread.js writes for posts that arrive live.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string IsoTime(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>The title and detail of a ProblemDetails result (a locked thread, a suspension, a duplicate).</summary>
    public static string Message(IResult problem) => problem switch
    {
        ProblemHttpResult { ProblemDetails: { Title: var title, Detail: var detail } } =>
            string.IsNullOrEmpty(detail) ? title ?? "That did not work." : $"{title} {detail}",
        _ => "That did not work. Try again.",
    };

    /// <summary>The composer's preview: the body rendered as it will be posted, cut at the posting limit.</summary>
    public static string Preview(Marketplace.Features.Forum.Markdown.ForumMarkdown markdown, string? body) =>
        markdown.Render(body is { Length: > Marketplace.Features.Forum.Threads.MaxBody } ? body[..Marketplace.Features.Forum.Threads.MaxBody] : body ?? "");

    /// <summary>The form again, with what was typed and the wait (<see cref="TooManyAttempts"/>): the page's share of the <c>posting</c> limit the API applies too.</summary>
    public static PageResult TooManyPosts(PageModel page, RateLimitLease refused) =>
        TooManyAttempts.Page(page, refused, "You are posting faster than the forum allows for now.");

    /// <summary>A watching level as the watch forms offer it.</summary>
    public static string WatchLabel(WatchLevel level) => level switch
    {
        WatchLevel.Watching => "Watching: every new post",
        WatchLevel.Tracking => "Tracking: unread count",
        WatchLevel.Muted => "Muted: nothing",
        _ => "Normal: mentions and quotes",
    };

    public static bool IsNotFound(IResult problem) => problem is ProblemHttpResult { StatusCode: StatusCodes.Status404NotFound };
}
