using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;
using Marketplace.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.StripeSandbox;

/// <summary>
/// No call escapes the referee: every <c>/v1</c> route the sandbox maps has its operation in the table it checks requests
/// against, and that table (embedded in the sandbox) says what the vendored description says.
/// </summary>
public sealed class SpecCoverageTests(AppFixture fixture) : IntegrationTest(fixture)
{
    private const string Prefix = "/stripe-sandbox";

    [Fact]
    public void Every_v1_route_of_the_sandbox_is_an_operation_of_stripes_description()
    {
        var routes = Host.Services.GetServices<EndpointDataSource>().SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith($"{Prefix}/v1/", StringComparison.Ordinal) == true && !e.RoutePattern.RawText.Contains("**"))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => StripeSpec.KeyOf(m, e.RoutePattern.RawText![Prefix.Length..])))
            .Distinct().Order().ToList();

        routes.Count.ShouldBe(42);
        routes.Except(StripeSpec.Instance.Operations).ShouldBeEmpty("routes the spec table does not describe, so nothing checks their parameters");
        StripeSpec.Instance.Operations.Except(routes).ShouldBeEmpty("operations in the table the sandbox does not serve");
    }

    [Fact]
    public void The_embedded_table_is_generated_from_the_vendored_spec()
    {
        var spec = JsonNode.Parse(File.ReadAllText(StripeSpecSchemas.SpecPath))!;
        var table = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "Marketplace.StripeSandbox", "Wire", "stripe-operations.json")))!;

        table["info"]!.ToJsonString().ShouldBe(spec["info"]!.ToJsonString());
        foreach (var (key, operation) in table["operations"]!.AsObject())
        {
            var method = key[..key.IndexOf(' ', StringComparison.Ordinal)].ToLowerInvariant();
            var described = spec["paths"]![key[(method.Length + 1)..]]![method]!;
            var parameters = method == "post"
                ? described["requestBody"]!["content"]!["application/x-www-form-urlencoded"]!["schema"]!["properties"]!.AsObject().Select(p => p.Key)
                : (described["parameters"]?.AsArray() ?? []).Where(p => p!["in"]!.GetValue<string>() == "query").Select(p => p!["name"]!.GetValue<string>());
            operation!["parameters"]!["properties"]!.AsObject().Select(p => p.Key).Order()
                .ShouldBe(parameters.Order(), $"{key}: run spec/trim.py again");
        }
    }
}
