using System.Text.Json;

namespace Marketplace.Tests.Infrastructure.Web;

public sealed class OperationsEndpointsTests(AppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Liveness_answers_without_touching_dependencies()
    {
        var result = await Host.Scenario(s => s.Get.Url("/health/live"));

        result.ReadAsJson<JsonElement>().GetProperty("status").GetString().ShouldBe("Healthy");
    }

    [Fact]
    public async Task Readiness_reports_postgres_and_the_file_store_healthy()
    {
        var result = await Host.Scenario(s => s.Get.Url("/health/ready"));

        var report = result.ReadAsJson<JsonElement>();
        report.GetProperty("status").GetString().ShouldBe("Healthy");
        report.GetProperty("checks").GetProperty("postgres").GetProperty("status").GetString().ShouldBe("Healthy");
        report.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString().ShouldBe("Healthy");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api_routes_and_their_validation_errors()
    {
        var result = await Host.Scenario(s => s.Get.Url("/openapi/v1.json"));

        var document = result.ReadAsJson<JsonElement>();
        document.GetProperty("info").GetProperty("title").GetString().ShouldBe("Marketplace API");
        var paths = document.GetProperty("paths");
        paths.GetProperty("/api/platform/settings").TryGetProperty("get", out _).ShouldBeTrue();
        paths.GetProperty("/api/platform/contact").GetProperty("post").GetProperty("responses").TryGetProperty("400", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task The_api_reference_page_is_served_from_the_app_itself()
    {
        var result = await Host.Scenario(s => s.Get.Url("/scalar/v1"));

        var html = await result.ReadAsTextAsync();
        html.ShouldContain("openapi/v1.json");
        html.ShouldNotContain("cdn.jsdelivr");
    }
}
