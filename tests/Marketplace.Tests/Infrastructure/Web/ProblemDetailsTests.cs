using System.Text.Json;
using Marketplace.Features.Platform;
using Marketplace.Infrastructure.Web;

namespace Marketplace.Tests.Infrastructure.Web;

public sealed class ProblemDetailsTests(AppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task An_unknown_api_route_answers_404_as_problem_details()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/api/no-such-thing");
            s.StatusCodeShouldBe(404);
        });

        var problem = result.ShouldBeProblem(404, ProblemTypes.NotFound);
        problem.GetProperty("instance").GetString().ShouldBe("/api/no-such-thing");
    }

    [Fact]
    public async Task A_wrong_method_answers_405_as_problem_details()
    {
        var result = await Host.Scenario(s =>
        {
            s.Delete.Url("/api/platform/settings");
            s.StatusCodeShouldBe(405);
        });

        result.ShouldBeProblem(405, ProblemTypes.MethodNotAllowed);
    }

    [Fact]
    public async Task Invalid_input_lists_every_failing_field_at_once_and_stores_nothing()
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new { name = "", email = "not-an-email", subject = "", message = "short" }).ToUrl("/api/platform/contact");
            s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = NewClientAddress());
            s.StatusCodeShouldBe(400);
        });

        var problem = result.ShouldBeProblem(400, ProblemTypes.Validation);
        var errors = problem.GetProperty("errors");
        errors.EnumerateObject().Select(field => field.Name).Order().ShouldBe(["email", "message", "name", "subject"]);
        errors.GetProperty("email")[0].GetString().ShouldNotBeNullOrWhiteSpace();
        (await QueryAsync(session => Marten.QueryableExtensions.CountAsync(session.Query<ContactMessage>()))).ShouldBe(0);
    }

    [Fact]
    public async Task Malformed_json_answers_400_as_problem_details()
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Text("{ not json").ToUrl("/api/platform/contact");
            s.WithRequestHeader("Content-Type", "application/json");
            s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = NewClientAddress());
            s.StatusCodeShouldBe(400);
        });

        result.ShouldBeProblem(400, ProblemTypes.BadRequest);
    }

    [Fact]
    public async Task An_unhandled_exception_answers_500_as_problem_details_with_the_exception_in_development()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url(FaultyRoutes.Throw);
            s.StatusCodeShouldBe(500);
        });

        var problem = result.ShouldBeProblem(500, ProblemTypes.ServerError);
        problem.GetProperty("exception").GetString()!.ShouldContain(nameof(InvalidOperationException));
    }

    [Fact]
    public async Task A_person_asking_for_a_missing_page_gets_the_error_page_not_json()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/no-such-page");
            s.WithRequestHeader("Accept", "text/html");
            s.StatusCodeShouldBe(404);
        });

        result.Context.Response.ContentType!.ShouldStartWith("text/html");
        var html = await result.ReadAsTextAsync();
        html!.ShouldContain(result.Context.Response.Headers[CorrelationId.Header].ToString());
        html.ShouldContain("Page not found");
    }

    [Fact]
    public async Task The_correlation_id_of_the_caller_is_echoed_and_a_malformed_one_is_replaced()
    {
        var echoed = await Host.Scenario(s =>
        {
            s.Get.Url("/api/no-such-thing");
            s.WithRequestHeader(CorrelationId.Header, "order-42.retry_1");
            s.StatusCodeShouldBe(404);
        });
        echoed.Context.Response.Headers[CorrelationId.Header].ToString().ShouldBe("order-42.retry_1");
        echoed.ReadAsJson<JsonElement>().GetProperty("correlationId").GetString().ShouldBe("order-42.retry_1");

        var replaced = await Host.Scenario(s =>
        {
            s.Get.Url("/api/no-such-thing");
            s.WithRequestHeader(CorrelationId.Header, "<script>alert(1)</script>");
            s.StatusCodeShouldBe(404);
        });
        replaced.Context.Response.Headers[CorrelationId.Header].ToString().ShouldNotContain("<");
    }
}
