using System.Text.Json;
using Marketplace.Infrastructure.Web;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Serilog.Events;

namespace Marketplace.Tests.Security;

/// <summary>What the app tells the world about itself: headers, cookies, the OpenAPI document, and its logs of bad requests.</summary>
public sealed class HttpSurfaceTests(AppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public void Kestrel_sends_no_server_header() =>
        Host.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader.ShouldBeFalse();

    [Fact]
    public async Task The_content_security_policy_lets_scripts_connect_to_this_origin_only()
    {
        var result = await Host.Scenario(s => s.Get.Url("/forum"));

        var policy = result.Context.Response.Headers.ContentSecurityPolicy.ToString();
        policy.ShouldContain("connect-src 'self';");
        policy.ShouldNotContain("ws:");
        policy.ShouldNotContain("wss:");
    }

    [Theory]
    [InlineData("https", true)]
    [InlineData("http", false)]
    public async Task The_antiforgery_cookie_is_secure_over_https(string scheme, bool secure)
    {
        var result = await Host.Scenario(s =>
        {
            s.ConfigureHttpContext(c => c.Request.Scheme = scheme);
            s.WithRequestHeader("Accept", "text/html");
            s.Get.Url("/contact");
        });

        var cookie = result.Context.Response.Headers.SetCookie.Single(c => c!.StartsWith("mp.antiforgery=", StringComparison.Ordinal))!;
        cookie.Contains("secure", StringComparison.OrdinalIgnoreCase).ShouldBe(secure);
        cookie.ShouldContain("httponly", Case.Insensitive);
    }

    [Fact]
    public async Task No_two_request_body_types_share_a_schema_in_the_openapi_document()
    {
        var document = (await Host.Scenario(s => s.Get.Url("/openapi/v1.json"))).ReadAsJson<JsonElement>();
        var typesByRoute = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => e.Metadata.OfType<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>().Where(a => a.RequestType is not null)
                .Select(a => (Route: "/" + e.RoutePattern.RawText!.TrimStart('/'), Method: e.Metadata.OfType<HttpMethodMetadata>().Single().HttpMethods[0], a.RequestType)))
            .ToLookup(x => $"{x.Method.ToLowerInvariant()} {x.Route}", x => x.RequestType!);

        var typesBySchema = new Dictionary<string, HashSet<Type>>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (operation.Value.TryGetProperty("requestBody", out var body) &&
                    body.GetProperty("content").TryGetProperty("application/json", out var json) &&
                    json.GetProperty("schema").TryGetProperty("$ref", out var reference))
                {
                    var route = System.Text.RegularExpressions.Regex.Replace(path.Name, "{([^}]+)}", "{$1}");
                    foreach (var type in typesByRoute.Where(g => Matches(g.Key, operation.Name, route)).SelectMany(g => g))
                    {
                        typesBySchema.TryAdd(reference.GetString()!, []);
                        typesBySchema[reference.GetString()!].Add(type);
                    }
                }
            }
        }

        typesBySchema.Count.ShouldBeGreaterThan(20); // the check saw the API's request bodies, not nothing
        typesBySchema.Where(s => s.Value.Count > 1).Select(s => $"{s.Key}: {string.Join(", ", s.Value.Select(t => t.FullName))}").ShouldBeEmpty();
        var refresh = document.GetProperty("paths").GetProperty("/api/auth/refresh").GetProperty("post").GetProperty("requestBody")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!;
        var schema = document.GetProperty("components").GetProperty("schemas").GetProperty(refresh.Split('/')[^1]);
        schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ShouldBe(["refreshToken"]);
    }

    [Fact]
    public async Task A_malformed_json_body_is_a_400_logged_at_information_without_a_stack_trace()
    {
        var logged = await Logs.ForRequestAsync(async correlationId =>
        {
            var result = await Host.Scenario(s =>
            {
                s.Post.Text("{\"email\": \"someone@example.com\",,}").ToUrl("/api/auth/forgot-password");
                s.ConfigureHttpContext(c => c.Request.ContentType = "application/json");
                s.WithRequestHeader(CorrelationId.Header, correlationId);
                s.StatusCodeShouldBe(400);
            });
            result.ShouldBeProblem(400, ProblemTypes.BadRequest);
        });

        logged.ShouldContain(e => e.MessageTemplate.Text.StartsWith("HTTP {RequestMethod}", StringComparison.Ordinal)); // the request's own log arrived
        logged.ShouldNotContain(e => e.Level >= LogEventLevel.Error);
        logged.ShouldNotContain(e => e.Exception != null);
        logged.ShouldContain(e => e.Level == LogEventLevel.Information && e.MessageTemplate.Text.Contains("{ExceptionType}", StringComparison.Ordinal));
    }

    private static bool Matches(string key, string method, string route) =>
        string.Equals(key, $"{method} {route}", StringComparison.OrdinalIgnoreCase) ||
        string.Equals(System.Text.RegularExpressions.Regex.Replace(key, ":[a-z]+}", "}"), $"{method} {route}", StringComparison.OrdinalIgnoreCase);
}
