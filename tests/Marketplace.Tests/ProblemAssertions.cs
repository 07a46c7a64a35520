using System.Text.Json;
using Alba;

namespace Marketplace.Tests;

public static class ProblemAssertions
{
    /// <summary>Reads the body as ProblemDetails and checks the members every error must carry.</summary>
    public static JsonElement ShouldBeProblem(this IScenarioResult result, int status, string type)
    {
        result.Context.Response.ContentType.ShouldBe("application/problem+json");
        var problem = result.ReadAsJson<JsonElement>();
        problem.GetProperty("status").GetInt32().ShouldBe(status);
        problem.GetProperty("type").GetString().ShouldBe(type);
        problem.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        problem.GetProperty("traceId").GetString().ShouldNotBeNullOrWhiteSpace();
        problem.GetProperty("correlationId").GetString().ShouldNotBeNullOrWhiteSpace();
        return problem;
    }
}
