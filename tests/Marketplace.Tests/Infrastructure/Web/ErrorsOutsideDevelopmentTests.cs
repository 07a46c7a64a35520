using Marketplace.Infrastructure.Web;

namespace Marketplace.Tests.Infrastructure.Web;

/// <summary>Outside Development, as the app runs for real people, errors say nothing about the code.</summary>
[Collection(StagingCollection.Name)]
public sealed class ErrorsOutsideDevelopmentTests(StagingFixture fixture)
{
    [Fact]
    public async Task An_unhandled_exception_reveals_no_stack_trace_or_message()
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.Get.Url(FaultyRoutes.Throw);
            s.StatusCodeShouldBe(500);
        });

        var problem = result.ShouldBeProblem(500, ProblemTypes.ServerError);
        problem.TryGetProperty("exception", out _).ShouldBeFalse();
        var body = problem.GetRawText();
        body.ShouldNotContain("s3cr3t");
        body.ShouldNotContain(" at ");
        problem.GetProperty("detail").GetString()!.ShouldContain("correlation id");
    }

    [Fact]
    public async Task Responses_carry_hsts_outside_development()
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.Get.Url("/health/live");
            s.ConfigureHttpContext(c =>
            {
                c.Request.Scheme = "https";
                c.Request.Host = new Microsoft.AspNetCore.Http.HostString("shop.example"); // HSTS is never sent to localhost
            });
        });

        result.Context.Response.Headers.StrictTransportSecurity.ToString().ShouldContain("max-age=31536000");
    }
}
