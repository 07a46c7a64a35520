using Marten;
using Microsoft.Extensions.Options;
using Wolverine.Marten;

namespace Marketplace.Features.StripeWebhooks;

/// <summary>
/// Sends the message of every event that has waited too long without one running: stored while the node crashed
/// between commit and dispatch, say, or retrying past its due time. Handlers are idempotent, so a second message
/// for an event that was merely slow changes nothing. Every node sweeps; that is harmless for the same reason.
/// </summary>
public sealed partial class StripeEventSweeper(IServiceScopeFactory scopes, IOptions<StripeWebhookOptions> options, TimeProvider clock, ILogger<StripeEventSweeper> logger)
    : BackgroundService
{
    private const int Batch = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(logger, e);
            }
        }
    }

    /// <summary>Re-sends the messages of stuck events; answers how many.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var stuckBefore = clock.GetUtcNow() - options.Value.StuckAfter;
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        var stuck = await session.Query<StripeEventRecord>()
            .Where(r => (r.Status == StripeEventStatus.Received && r.ReceivedAt < stuckBefore)
                || (r.Status == StripeEventStatus.Retrying && r.NextAttemptAt < stuckBefore))
            .OrderBy(r => r.ReceivedAt).Take(Batch).ToListAsync(ct);
        if (stuck.Count == 0)
        {
            return 0;
        }

        var outbox = scope.ServiceProvider.GetRequiredService<IMartenOutbox>();
        outbox.Enroll(session);
        foreach (var record in stuck)
        {
            if (!await StripeEventDispatch.DispatchAsync(outbox, record, clock))
            {
                session.Update(record);
            }
        }

        await session.SaveChangesAsync(ct);
        LogSwept(logger, stuck.Count);
        return stuck.Count;
    }

    [LoggerMessage(LogLevel.Warning, "Re-sent the messages of {Count} Stripe events that waited too long")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(LogLevel.Error, "Sweeping stuck Stripe events failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
