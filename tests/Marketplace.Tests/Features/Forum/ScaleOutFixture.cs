using Alba;
using Marketplace.Features.Forum;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Features.Forum;

/// <summary>
/// Two nodes of the app on one database and one Redis, as behind a load balancer: <see cref="AppFixture.Host"/>, whose
/// HTTP API the forum test helpers use, and <see cref="OtherNode"/>. Redis is a <see cref="RedisServer"/> of its own.
/// </summary>
public sealed class ScaleOutFixture : AppFixture, IAsyncLifetime
{
    private RedisServer? _redis;

    public IAlbaHost OtherNode { get; private set; } = null!;

    /// <summary>Two nodes share the database: Wolverine balances its work between them as in production, not solo.</summary>
    protected override bool OnlyNode => false;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["ConnectionStrings:Redis"] = _redis!.ConnectionString,
    };

    // Re-implemented so that Redis starts before the first node and the second node after it: the first one creates
    // the schema, as the second container of docker-compose waits for the first.
    async Task IAsyncLifetime.InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        await InitializeAsync();
        OtherNode = await AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment(Environment);
            builder.UseSetting("ConnectionStrings:Marketplace", ConnectionString);
            builder.UseSetting("Seed:DemoData", "false");
            foreach (var (key, value) in Settings)
            {
                builder.UseSetting(key, value);
            }
        });
        foreach (var node in new[] { Host, OtherNode })
        {
            node.Services.GetRequiredService<HubLifetimeManager<ForumHub>>().ShouldBeOfType<RedisHubLifetimeManager<ForumHub>>();
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        try
        {
            if (OtherNode is not null)
            {
                await OtherNode.DisposeAsync();
            }

            await DisposeAsync();
        }
        finally
        {
            if (_redis is not null)
            {
                await _redis.DisposeAsync();
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ScaleOutCollection : ICollectionFixture<ScaleOutFixture>
{
    public const string Name = "scale-out";
}
