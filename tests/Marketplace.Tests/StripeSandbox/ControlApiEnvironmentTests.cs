using Marketplace.StripeSandbox;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace Marketplace.Tests.StripeSandbox;

/// <summary>
/// The sandbox's control API takes anyone's word (it pays sessions, opens disputes, moves the clock), so a host that maps
/// the sandbox, the standalone one included, serves it in <c>Development</c> and <c>Testing</c> only; the Stripe API and
/// the hosted pages stay. (The app embeds the sandbox in <c>Development</c> only: <c>SandboxOutsideDevelopmentTests</c>.)
/// </summary>
public sealed class ControlApiEnvironmentTests
{
    [Theory]
    [InlineData("Development", true)]
    [InlineData("Testing", true)]
    [InlineData("Staging", false)]
    [InlineData("Production", false)]
    public void The_control_routes_exist_only_in_development_and_testing(string environment, bool served)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        // Mapped, never started: no database is reached.
        builder.Services.AddMarten(options => options.Connection("Host=127.0.0.1;Database=never_opened"));
        // Its own assembly said outright, so this host, built first, does not pin the test assembly for every later one.
        builder.Host.UseWolverine(options =>
        {
            options.ApplicationAssembly = typeof(StripeSandboxHosting).Assembly;
            options.IncludeStripeSandbox();
        });
        builder.Services.AddStripeSandbox(builder.Configuration);
        var app = builder.Build();

        app.MapStripeSandbox();

        var routes = ((IEndpointRouteBuilder)app).DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Select(endpoint => endpoint.RoutePattern.RawText ?? "").ToList();
        routes.Any(route => route.StartsWith("/stripe-sandbox/control/", StringComparison.Ordinal)).ShouldBe(served);
        routes.ShouldContain("/stripe-sandbox/v1/payment_intents/{id}/capture");
        routes.ShouldContain("/stripe-sandbox/checkout/{sessionId}");
    }
}
