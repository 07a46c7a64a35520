using Marketplace.Features.Forum.Markdown;
using Marketplace.Features.Moderation.Trust;
using Marketplace.Infrastructure.Web;
using Marten;

namespace Marketplace.Features.Forum;

/// <summary>
/// What a member at trust level 0 (new) may not post yet: links and images, until they have read and taken part a
/// little (<see cref="TrustOptions"/>). Moderators and admins are never held back.
/// </summary>
public static class NewMemberRules
{
    public const string NoLinksTitle = "New members cannot post links or images yet.";

    public const string HowToEarn =
        "They open up at trust level 1 (basic): read a few more threads over a day or so, and the forum trusts you with them. Until then, write the address without making it a link (example dot com).";

    /// <summary>The refusal when a new member's post links or shows an image; null when the post may go ahead.</summary>
    public static async Task<IResult?> CheckAsync(IQuerySession session, ForumMarkdown markdown, ForumActor actor, string body, CancellationToken ct) =>
        !actor.IsModerator && markdown.HasLinksOrImages(body) && await TrustLevels.OfAsync(session, actor.Id, ct) < TrustLevels.Basic
            ? TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, type: ProblemTypes.TrustLevelTooLow, title: NoLinksTitle, detail: HowToEarn)
            : null;

    /// <summary>Whether the member is still new (trust level 0) and not staff: the reply form says what that means.</summary>
    public static async Task<bool> IsNewAsync(IQuerySession session, ForumActor actor, CancellationToken ct) =>
        !actor.IsModerator && await TrustLevels.OfAsync(session, actor.Id, ct) < TrustLevels.Basic;
}
