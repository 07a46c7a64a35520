using Marketplace.Infrastructure.Web;

namespace Marketplace.Features.Moderation;

public static class ModerationProblems
{
    public const string MemberSuspendedType = ProblemTypes.MemberSuspended;

    public static IResult MemberNotFound() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound, title: "No such member.");

    public static IResult ShopNotFound() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound, title: "No such shop.");

    public static IResult Refused(string title, string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden, type: ProblemTypes.Forbidden, title: title, detail: detail);

    public static IResult NotYours(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden, type: ProblemTypes.Forbidden, title: "Only an admin can do that.", detail: detail);
}
