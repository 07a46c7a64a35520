using System.Net;

namespace Marketplace.Benchmarks;

/// <summary>The peer: a bare minimal API on Kestrel in this process, with nothing but the one endpoint.</summary>
public sealed class BareApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BareApi(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<BareApi> StartAsync()
    {
        var port = LoopbackPort.Free();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapGet("/health/live", () => Results.Ok());
        await app.StartAsync();
        return new BareApi(app, new Uri($"http://127.0.0.1:{port}/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
