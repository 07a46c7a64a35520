namespace Marketplace.Infrastructure.Web;

/// <summary>The one shape of a 400 validation problem: every failing field under <c>errors</c>, a stable type.</summary>
public static class ValidationProblems
{
    public const string Title = "The request is not valid.";

    public static IResult Of(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: Title, type: ProblemTypes.Validation);

    public static IResult Field(string field, string message) => Of(new Dictionary<string, string[]> { [field] = [message] });
}
