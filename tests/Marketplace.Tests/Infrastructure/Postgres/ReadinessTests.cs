using System.Text.Json;
using Alba;
using Marketplace.Infrastructure.Postgres;

namespace Marketplace.Tests.Infrastructure.Postgres;

/// <summary>Runs on a private cluster of its own, since it stops the server under a running app.</summary>
public sealed class ReadinessTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"mp-readiness-{Guid.NewGuid():N}");
    private ClusterLease _lease = null!;
    private IAlbaHost _host = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _lease = EmbeddedPostgres.Acquire(_folder);
        await PostgresSetup.CreateDatabaseIfMissingAsync(_lease.AdminConnectionString, "readiness");
        _host = await AlbaHost.For<Program>(builder =>
            builder.UseSetting("ConnectionStrings:Marketplace", _lease.ConnectionString("readiness")));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _lease.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Readiness_goes_unready_while_postgres_is_down_and_ready_again_when_it_is_back()
    {
        (await ReadinessAsync(200)).ShouldBe("Healthy");

        _lease.Cluster.Stop();
        (await ReadinessAsync(503)).ShouldBe("Unhealthy");
        await _host.Scenario(s => s.Get.Url("/health/live"));

        _lease.Cluster.Start();
        (await ReadinessAsync(200)).ShouldBe("Healthy");
    }

    private async Task<string?> ReadinessAsync(int expectedStatus)
    {
        var result = await _host.Scenario(s =>
        {
            s.Get.Url("/health/ready");
            s.StatusCodeShouldBe(expectedStatus);
        });
        return result.ReadAsJson<JsonElement>().GetProperty("status").GetString();
    }
}
