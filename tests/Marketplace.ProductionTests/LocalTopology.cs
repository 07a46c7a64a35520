using System.Diagnostics;
using Marketplace.Testing;

namespace Marketplace.ProductionTests;

/// <summary>
/// The local production topology of deploy/local (published build, PostgreSQL, Redis, the standalone Stripe sandbox,
/// two nodes, nginx), started once for the collection and stopped after it. Mail leaves through a fake Resend.
/// </summary>
public sealed class LocalTopology : IAsyncLifetime
{
    public const string AdminEmail = "admin@smoke.test";
    public const string AdminPassword = "smoke-admin-password-1";
    public const string WebhookSecret = "whsec_marketplace_local_platform";
    public const string ConnectWebhookSecret = "whsec_marketplace_local_connect";

    // Below 32768: Linux hands out ephemeral ports above it, and a client socket once took a stopped node's port.
    private static readonly int BasePort = 28180;

    public FakeResendServer Mail { get; private set; } = null!;

    public Uri Nginx { get; } = new($"http://127.0.0.1:{BasePort}");

    public Uri Node1 { get; } = new($"http://127.0.0.1:{BasePort + 1}");

    public Uri Node2 { get; } = new($"http://127.0.0.1:{BasePort + 2}");

    public Uri Sandbox { get; } = new($"http://127.0.0.1:{BasePort + 10}");

    /// <summary>Where the topology keeps its state; the published build is in <c>app</c>.</summary>
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"marketplace-smoke-{Environment.ProcessId}");

    public string PublishedApp => Path.Combine(Folder, "app");

    /// <summary>What up.sh printed, timings included.</summary>
    public string StartOutput { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Mail = await FakeResendServer.StartAsync();
        StartOutput = await RunAsync("up.sh");
    }

    public async Task DisposeAsync()
    {
        await RunAsync("down.sh", "--purge");
        await Mail.DisposeAsync();
    }

    /// <summary>The nodes' database, for checks no API offers (what a crashed node left behind).</summary>
    public string DatabaseConnectionString =>
        $"Host=127.0.0.1;Port={BasePort + 20};Database=marketplace;Username=marketplace;Password=marketplace-local";

    public Task KillNodeAsync(int node) => RunAsync("node.sh", "kill", node.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Task StopNodeAsync(int node) => RunAsync("node.sh", "stop", node.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Task StartNodeAsync(int node) => RunAsync("node.sh", "start", node.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private async Task<string> RunAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(RepositoryPaths.Root, "deploy", "local", script))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["MARKETPLACE_LOCAL_DIR"] = Folder,
                ["MARKETPLACE_LOCAL_PORT"] = BasePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["MARKETPLACE_LOCAL_TTL"] = "1200",
                ["Seed__AdminEmail"] = AdminEmail,
                ["Seed__AdminPassword"] = AdminPassword,
                ["Resend__ApiKey"] = "re_smoke_test",
                ["Resend__BaseUrl"] = Mail.BaseUrl.ToString(),
                ["Email__From"] = "Marketplace <mail@smoke.test>",
            },
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"deploy/local/{script} failed ({process.ExitCode}):\n{await output}\n{await errors}");
        }

        return await output;
    }
}

[CollectionDefinition(Name)]
public sealed class LocalTopologyCollection : ICollectionFixture<LocalTopology>
{
    public const string Name = "local production topology";
}
