using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

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

    public static bool IsNotFound(IResult problem) => problem is ProblemHttpResult { StatusCode: StatusCodes.Status404NotFound };
}
