using Marketplace.Infrastructure.Web;

namespace Marketplace.Features.Forum;

public static class ForumProblems
{
    public static IResult ThreadNotFound() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound, title: "No such thread.");

    public static IResult CategoryNotFound() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound, title: "No such category.");

    public static IResult PostNotFound() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound, title: "No such post.");

    public static IResult Locked() => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, type: ProblemTypes.Conflict, title: "The thread is locked: it takes no new posts or edits.");

    public static IResult ReadOnlyCategory() => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden, type: ProblemTypes.Forbidden, title: "Only moderators post in this category.");

    public static IResult Suspended(DateTimeOffset until) => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden, type: ProblemTypes.Forbidden,
        title: "Your posting is suspended.", detail: $"You can read, and post again from {until:u}.");

    public static IResult Duplicate() => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, type: ProblemTypes.Conflict, title: "You just posted exactly this in this thread.");

    public static IResult NotYours() => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden, type: ProblemTypes.Forbidden, title: "Only the author (or a moderator) can edit this post.");
}
