using Marketplace.Infrastructure.Web;

namespace Marketplace.Infrastructure.Files;

public static class StagingProblems
{
    /// <summary>
    /// The answer to an upload refused on its way in: a validation problem naming the field for a 400, otherwise a
    /// ProblemDetails of the refusal's status (413 too large, 415 not multipart, 429 another upload in progress) that
    /// still lists the field under <c>errors</c>.
    /// </summary>
    public static IResult ToProblem(this StagingResult.Refused refused) => refused.Status == StatusCodes.Status400BadRequest
        ? ValidationProblems.Field(refused.Field, refused.Message)
        : TypedResults.Problem(statusCode: refused.Status, type: ProblemTypes.ForStatus(refused.Status), title: refused.Message,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [refused.Field] = [refused.Message] } });
}
