using System.Net;
using Marketplace.Features.Forum;
using Microsoft.AspNetCore.SignalR;

namespace Marketplace.Benchmarks.FanOut;

/// <summary>The peer: a bare SignalR hub on Kestrel in this process, whose clients join one group.</summary>
public sealed class BareHubServer : IAsyncDisposable
{
    private const string Group = "thread";
    private readonly WebApplication _app;
    private readonly IHubContext<BareHub> _hub;

    private BareHubServer(WebApplication app, Uri hubAddress)
    {
        _app = app;
        _hub = app.Services.GetRequiredService<IHubContext<BareHub>>();
        HubAddress = hubAddress;
    }

    public Uri HubAddress { get; }

    public static async Task<BareHubServer> StartAsync()
    {
        var port = LoopbackPort.Free();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.MapHub<BareHub>("/hub");
        await app.StartAsync();
        return new BareHubServer(app, new Uri($"http://127.0.0.1:{port}/hub"));
    }

    /// <summary>Sends <paramref name="template"/> as post <paramref name="seq"/>, its <c>createdAt</c> stamped now: the send time.</summary>
    public Task BroadcastAsync(PostView template, long seq) =>
        _hub.Clients.Group(Group).SendAsync("PostCreated", template with { Seq = seq, CreatedAt = DateTimeOffset.UtcNow });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed class BareHub : Hub
    {
        public Task Join() => Groups.AddToGroupAsync(Context.ConnectionId, Group);
    }
}
