
namespace Marketplace.Tests.Infrastructure.Web;

public sealed class SecurityHeadersTests(AppFixture fixture) : IntegrationTest(fixture)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/health/live")]
    public async Task Every_page_carries_the_security_headers(string url)
    {
        var result = await Host.Scenario(s => s.Get.Url(url));

        var headers = result.Context.Response.Headers;
        headers.ContentSecurityPolicy.ToString().ShouldContain("default-src 'self'");
        headers.ContentSecurityPolicy.ToString().ShouldContain("frame-ancestors 'none'");
        headers.ContentSecurityPolicy.ToString().ShouldNotContain("unsafe-inline");
        headers.XContentTypeOptions.ToString().ShouldBe("nosniff");
        headers["Referrer-Policy"].ToString().ShouldBe("strict-origin-when-cross-origin");
        headers.XFrameOptions.ToString().ShouldBe("DENY");
    }

    [Theory]
    [InlineData("/api/platform/settings")]
    [InlineData("/api/products/00000000-0000-0000-0000-000000000001")]
    public async Task Api_answers_allow_nothing_to_load_frame_or_sniff_them(string url)
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.IgnoreStatusCode();
        });

        var headers = result.Context.Response.Headers;
        headers.ContentSecurityPolicy.ToString().ShouldBe("default-src 'none'; frame-ancestors 'none'");
        headers.XContentTypeOptions.ToString().ShouldBe("nosniff");
        headers.XFrameOptions.ToString().ShouldBe("DENY");
    }

    [Fact]
    public async Task The_home_page_loads_nothing_from_other_origins()
    {
        var result = await Host.Scenario(s => s.Get.Url("/"));

        var html = await result.ReadAsTextAsync();
        html.ShouldNotContain("src=\"http");
        html.ShouldNotContain("href=\"http");
        html.ShouldNotContain("//cdn");
    }
}
