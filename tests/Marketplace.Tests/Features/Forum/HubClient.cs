using System.Collections.Concurrent;
using Alba;
using Marketplace.Features.Forum;
using Marketplace.Features.Forum.Notifications;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Marketplace.Tests.Features.Forum;

/// <summary>A SignalR client of <c>/hubs/forum</c> on the test server, recording what it receives.</summary>
public sealed class HubClient : IAsyncDisposable
{
    private readonly HubConnection _connection;

    private HubClient(HubConnection connection)
    {
        _connection = connection;
        connection.On<PostView>("PostCreated", post => Posts.Enqueue(post));
        connection.On<PostView>("PostEdited", post => Edits.Enqueue(post));
        connection.On<System.Text.Json.JsonElement>("Typing", typing => TypingSignals.Enqueue(typing));
        connection.On<System.Text.Json.JsonElement>("Presence", presence => PresenceSignals.Enqueue(presence));
        connection.On<System.Text.Json.JsonElement>("ThreadLocked", locked => LockSignals.Enqueue(locked));
        connection.On<System.Text.Json.JsonElement>("PostHidden", hidden => HiddenSignals.Enqueue(hidden));
        connection.On<System.Text.Json.JsonElement>("PostLikes", likes => LikeSignals.Enqueue(likes));
        connection.On<AuthorBadge>(VerifiedBuyerBadgesHandler.Method, badge => BadgeSignals.Enqueue(badge));
        connection.On<NotificationView>("Notification", notification => Notifications.Enqueue(notification));
        connection.On<UnreadCountView>("UnreadCount", count => UnreadCounts.Enqueue(count.UnreadCount));
        connection.Closed += _ =>
        {
            _closed.TrySetResult();
            return Task.CompletedTask;
        };
    }

    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the server closes the connection (the client never reconnects on its own).</summary>
    public Task Closed => _closed.Task;

    public ConcurrentQueue<PostView> Posts { get; } = new();
    public ConcurrentQueue<PostView> Edits { get; } = new();
    public ConcurrentQueue<System.Text.Json.JsonElement> TypingSignals { get; } = new();
    public ConcurrentQueue<System.Text.Json.JsonElement> PresenceSignals { get; } = new();

    /// <summary>The reader count of the latest <c>Presence</c>; 0 before the first.</summary>
    public int LastPresenceCount =>
        PresenceSignals.LastOrDefault() is { ValueKind: System.Text.Json.JsonValueKind.Object } last ? last.GetProperty("count").GetInt32() : 0;

    /// <summary>The signed-in readers' names in the latest <c>Presence</c> (guests are only counted).</summary>
    public IEnumerable<string?> LastPresenceNames => PresenceSignals.Last().GetProperty("readers").EnumerateArray().Select(n => n.GetString());
    public ConcurrentQueue<System.Text.Json.JsonElement> LockSignals { get; } = new();
    public ConcurrentQueue<System.Text.Json.JsonElement> HiddenSignals { get; } = new();
    public ConcurrentQueue<System.Text.Json.JsonElement> LikeSignals { get; } = new();

    /// <summary>Badges turned on or off for members whose posts are on screen (<c>AuthorBadge</c>), in order.</summary>
    public ConcurrentQueue<AuthorBadge> BadgeSignals { get; } = new();
    public ConcurrentQueue<NotificationView> Notifications { get; } = new();

    /// <summary>Every unread count pushed to this member, in order.</summary>
    public ConcurrentQueue<int> UnreadCounts { get; } = new();

    public static async Task<HubClient> ConnectAsync(IAlbaHost host, string? accessToken = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.Server.BaseAddress, ForumHub.Path), options =>
            {
                options.Transports = HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => host.Server.CreateHandler();
                if (accessToken is not null)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
                }
            })
            .Build();
        await connection.StartAsync();
        return new HubClient(connection);
    }

    public Task JoinAsync(Guid threadId, long afterSeq) => _connection.InvokeAsync("JoinThread", threadId, afterSeq);

    public Task LeaveAsync(Guid threadId) => _connection.InvokeAsync("LeaveThread", threadId);

    public Task TypingAsync(Guid threadId) => _connection.InvokeAsync("Typing", threadId);

    /// <summary>
    /// A fence for "nothing else arrives": a call to the hub (leaving a thread the client never joined, which changes
    /// nothing) and its answer, which the server writes to this connection after everything it wrote to it before, and
    /// which the client reads after those. Once it returns, every message written to this client before the call has
    /// been received.
    /// </summary>
    public Task RoundTripAsync() => _connection.InvokeAsync("LeaveThread", Guid.Empty);

    /// <summary>Waits until <paramref name="condition"/> holds; fails the test when it has not within <paramref name="seconds"/>.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the hub never sent what the test waited for");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
