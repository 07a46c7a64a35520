using System.Net;
using Marketplace.Infrastructure.Web;
using Marketplace.Tests.Features.Accounts;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace Marketplace.Tests.Security;

/// <summary>A mailed link never takes its host from a header the client chose.</summary>
public sealed class MailedLinkHostTests(AppFixture fixture) : AccountsTest(fixture)
{
    [Fact]
    public async Task A_request_for_a_foreign_host_is_refused_before_anything_is_mailed()
    {
        var email = NewEmail("poisoned");
        await CreateAccountAsync(email);

        await SendAndWaitAsync(s =>
        {
            s.Post.Json(new { email }).ToUrl("/api/auth/forgot-password");
            s.ConfigureHttpContext(http => http.Request.Host = new HostString("evil.example"));
            s.StatusCodeShouldBe(400);
        });

        (await MailsToAsync(email)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_forwarded_host_from_a_trusted_proxy_does_not_reach_the_reset_link()
    {
        var email = NewEmail("forwarded");
        await CreateAccountAsync(email);

        await SendAndWaitAsync(s =>
        {
            s.Post.Json(new { email }).ToUrl("/api/auth/forgot-password");
            s.ConfigureHttpContext(http => http.Connection.RemoteIpAddress = IPAddress.Loopback);
            s.WithRequestHeader("X-Forwarded-Host", "evil.example");
            s.StatusCodeShouldBe(202);
        });

        var link = (await MailsToAsync(email)).ShouldHaveSingleItem().Links.ShouldHaveSingleItem();
        new Uri(link).Host.ShouldBe("localhost");
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Outside_development_without_a_public_url_links_use_the_listening_address_not_the_request(string environment)
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = environment })
            .AddSingleton<IServer>(new ListeningServer("http://+:8080"))
            .BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Request.Scheme = "https";
        http.Request.Host = new HostString("evil.example");

        PublicUrl.Of(http).ShouldBe("http://localhost:8080");
    }

    [Fact]
    public void A_configured_public_url_always_wins()
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection([new("Site:PublicUrl", "https://market.example/")]).Build())
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = "Development" })
            .AddSingleton<IServer>(new ListeningServer("http://127.0.0.1:5000"))
            .BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Request.Host = new HostString("evil.example");

        PublicUrl.Of(http).ShouldBe("https://market.example");
    }

    private sealed class ListeningServer : IServer
    {
        public ListeningServer(string address)
        {
            var addresses = new ServerAddressesFeature();
            addresses.Addresses.Add(address);
            Features.Set<IServerAddressesFeature>(addresses);
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
