using System.Collections.Concurrent;
using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Marketplace.Features.Accounts;

/// <summary>
/// The live hub connections of signed-in members on this node. A connection outlives the request that opened it, so
/// the sign-in it was opened with is checked again: before every hub method (against <see cref="SecurityStampCache"/>),
/// and every <see cref="RevalidationInterval"/> for all of them at once against PostgreSQL, which is what reaches the
/// connections a change made on another node left open. A connection whose sign-in ended (signed out everywhere, a
/// new or reset password, a role change, a deleted account) is closed, and stops receiving the member's messages.
/// </summary>
public sealed partial class HubSessions(SecurityStampCache stamps, IOptions<IdentityOptions> identity, ILogger<HubSessions> logger) : IHubFilter
{
    public static readonly TimeSpan RevalidationInterval = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, Connection> connections = new(StringComparer.Ordinal);

    private sealed record Connection(Guid UserId, string Stamp, HubCallerContext Context);

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        if (Signed(context.Context.User) is { } signed)
        {
            if (!await IsCurrentAsync(signed.UserId, signed.Stamp, context.Context.ConnectionAborted))
            {
                throw new HubException("Your sign-in has ended. Sign in again.");
            }

            connections[context.Context.ConnectionId] = new Connection(signed.UserId, signed.Stamp, context.Context);
        }

        await next(context);
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (connections.TryGetValue(invocation.Context.ConnectionId, out var connection)
            && !await IsCurrentAsync(connection.UserId, connection.Stamp, invocation.Context.ConnectionAborted))
        {
            End(invocation.Context.ConnectionId);
            throw new HubException("Your sign-in has ended. Sign in again.");
        }

        return await next(invocation);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        connections.TryRemove(context.Context.ConnectionId, out _);
        return next(context, exception);
    }

    /// <summary>Closes every connection whose member's current stamp (null: the account is gone) is not the one it signed in with.</summary>
    public async Task<int> RevalidateAsync(IQuerySession session, CancellationToken ct)
    {
        var userIds = connections.Values.Select(c => c.UserId).Distinct().ToArray();
        if (userIds.Length == 0)
        {
            return 0;
        }

        var current = (await session.Query<UserAccount>().Where(u => userIds.Contains(u.Id) && u.DeletedAt == null)
            .Select(u => new { u.Id, u.SecurityStamp }).ToListAsync(ct)).ToDictionary(u => u.Id, u => u.SecurityStamp);
        var ended = connections.Where(pair => !current.TryGetValue(pair.Value.UserId, out var stamp) || stamp != pair.Value.Stamp)
            .Select(pair => pair.Key).ToList();
        ended.ForEach(End);
        return ended.Count;
    }

    private async Task<bool> IsCurrentAsync(Guid userId, string stamp, CancellationToken ct) =>
        string.Equals(await stamps.GetAsync(userId, ct), stamp, StringComparison.Ordinal);

    private void End(string connectionId)
    {
        if (connections.TryRemove(connectionId, out var connection))
        {
            LogEnded(logger, connection.UserId, connectionId);
            connection.Context.Abort();
        }
    }

    private (Guid UserId, string Stamp)? Signed(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true
        && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
        && user.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) is { } stamp
            ? (id, stamp)
            : null;

    [LoggerMessage(LogLevel.Information, "Closed hub connection {ConnectionId} of user {UserId}: the sign-in it was opened with has ended")]
    private static partial void LogEnded(ILogger logger, Guid userId, string connectionId);
}

/// <summary>Runs <see cref="HubSessions.RevalidateAsync"/> every <see cref="HubSessions.RevalidationInterval"/>.</summary>
public sealed partial class HubSessionRevalidator(HubSessions sessions, IDocumentStore store, TimeProvider clock, ILogger<HubSessionRevalidator> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(HubSessions.RevalidationInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var session = store.QuerySession();
                await sessions.RevalidateAsync(session, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Checking the sign-ins of open hub connections failed; trying again shortly")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
