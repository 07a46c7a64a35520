using System.Text.Json;
using System.Text.RegularExpressions;
using Marketplace.Infrastructure.Payments;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.StripeSandbox;

/// <summary>
/// Every <c>GET /v1/...</c> route that names an object answers Stripe's 404 when there is none: <c>resource_missing</c>,
/// <c>param: "id"</c>, "No such charge: 'ch_x'". The routes are read from the app, so a route added later is held to it too.
/// </summary>
public sealed partial class MissingObjectTests(AppFixture fixture) : StripeSandboxTest(fixture)
{
    private const string Prefix = "/stripe-sandbox";

    [Fact]
    public async Task Every_retrieve_of_a_missing_object_is_stripes_404_naming_param_id()
    {
        var routes = Host.Services.GetServices<EndpointDataSource>().SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith($"{Prefix}/v1/", StringComparison.Ordinal) == true && e.RoutePattern.Parameters.Count > 0
                && !e.RoutePattern.RawText.Contains("**") && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => e.RoutePattern.RawText!).Distinct().Order().ToList();
        var problems = new List<string>();

        foreach (var route in routes)
        {
            var path = RouteParameter().Replace(route, match => $"missing_{match.Groups[1].Value}");
            var result = await Host.Scenario(s =>
            {
                s.Get.Url(path);
                s.WithRequestHeader("Authorization", $"Bearer {StripeOptions.SandboxSecretKey}");
                s.IgnoreStatusCode();
            });
            var body = result.ReadAsText();
            var error = JsonDocument.Parse(body).RootElement.GetProperty("error");
            var message = error.GetProperty("message").GetString()!;
            if (result.Context.Response.StatusCode != 404 || error.GetProperty("code").GetString() != "resource_missing"
                || error.GetProperty("param").GetString() != "id" || !NoSuch().IsMatch(message))
            {
                problems.Add($"GET {route}: {result.Context.Response.StatusCode} {body}");
            }
        }

        routes.Count.ShouldBeGreaterThanOrEqualTo(14);
        problems.ShouldBeEmpty();
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"^No such [a-z_. ]+: 'missing_\w+'$")]
    private static partial Regex NoSuch();
}
