using Alba;
using Marketplace.Infrastructure.Payments;
using Marketplace.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Marketplace.Tests;

/// <summary>One Alba host of the whole app per test collection, on a database of its own.</summary>
public class AppFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    public IAlbaHost Host { get; private set; } = null!;

    /// <summary>What the host logs.</summary>
    public CapturedLogs Logs { get; } = new();

    public string ConnectionString => _database!.ConnectionString;

    /// <summary>This host's own folder for stored files, deleted with the host.</summary>
    public string FilesPath { get; } = Path.Combine(Path.GetTempPath(), "marketplace-tests", Guid.NewGuid().ToString("N"));

    protected virtual string Environment => "Development";

    /// <summary>
    /// Whether this host is the only node on its database: Wolverine then runs in solo mode (its agents start at once,
    /// without electing a leader), as Wolverine's guide recommends for tests.
    /// </summary>
    protected virtual bool OnlyNode => true;

    /// <summary>Settings of this host on top of the app's own.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(GetType().Name);
        Host = await AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment(Environment);
            builder.UseSetting("ConnectionStrings:Marketplace", _database.ConnectionString);
            builder.UseSetting("Seed:DemoData", "false");
            // Production and Development review a new shop's first product; tests publish at once unless they test the review.
            builder.UseSetting("Moderation:ReviewFirstProducts", "0");
            builder.UseSetting("Storage:Path", Path.Combine(FilesPath, "blobs"));
            builder.UseSetting("Stripe:Webhooks:RetryDelays:0", "00:00:00.200");
            // The sweeper sweeps once at start-up; the tests that need another sweep call it.
            builder.UseSetting("Stripe:Webhooks:SweepInterval", "01:00:00");
            builder.UseSetting("Stripe:Webhooks:RetryDelays:1", "00:00:00.500");
            foreach (var (key, value) in Settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureServices(services =>
            {
                if (OnlyNode)
                {
                    services.RunWolverineInSoloMode();
                }

                // Scheduled messages (retries, digests, delayed deliveries) are picked up within a fifth of a second of
                // being due instead of five seconds: the tests that wait for them wait that much less.
                services.ConfigureWolverine(options =>
                {
                    options.Durability.ScheduledJobFirstExecution = TimeSpan.Zero;
                    options.Durability.ScheduledJobPollingTime = TimeSpan.FromMilliseconds(200);
                });

                services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, FaultyRoutes>();
                services.AddSingleton<Serilog.Core.ILogEventSink>(Logs); // Serilog reads sinks from the container
                // No socket under the test server: Stripe.net's calls to the sandbox and the sandbox's webhook
                // deliveries go through its in-memory handler, as HTTP requests through the whole pipeline.
                foreach (var name in new[] { StripeSetup.HttpClientName, EmbeddedStripeSandbox.WebhookHttpClientName })
                {
                    services.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(sp => ((TestServer)sp.GetRequiredService<IServer>()).CreateHandler());
                }
            });
        });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        if (Directory.Exists(FilesPath))
        {
            Directory.Delete(FilesPath, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}
