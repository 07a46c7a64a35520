using Marten;
using Microsoft.Extensions.Options;

namespace Marketplace.Features.StripeWebhooks;

/// <summary>
/// Sends the message of every event that has waited too long without one running: its message is held in memory
/// (<see cref="ReceiveStripeWebhook"/>), so a node that stops or crashes before applying it leaves the record
/// waiting, <c>received</c> or <c>retrying</c>. Sweeps at start-up and then every <c>SweepInterval</c>, leaving alone
/// what this node's own queue holds. Handlers are idempotent, so a second message for an event that another node was
/// merely slow to apply changes nothing; every node sweeps, harmless for the same reason.
/// </summary>
public sealed partial class StripeEventSweeper(
    IServiceScopeFactory scopes, StripeEventQueue queue, IOptions<StripeWebhookOptions> options, TimeProvider clock, ILogger<StripeEventSweeper> logger)
    : BackgroundService
{
    private const int Batch = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        do
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
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Re-sends the messages of stuck events, a batch at a time until none is left; answers how many.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var stuckBefore = clock.GetUtcNow() - options.Value.StuckAfter;
        var swept = 0;
        var after = DateTimeOffset.MinValue;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
            var stuck = await session.Query<StripeEventRecord>()
                .Where(r => r.ReceivedAt > after && ((r.Status == StripeEventStatus.Received && r.ReceivedAt < stuckBefore)
                    || (r.Status == StripeEventStatus.Retrying && r.NextAttemptAt < stuckBefore)))
                .OrderBy(r => r.ReceivedAt).Take(Batch).ToListAsync(ct);
            foreach (var record in stuck.Where(record => !queue.Holds(record.Id)))
            {
                swept++;
                if (!queue.Send(record))
                {
                    session.Update(record);
                }
            }

            await session.SaveChangesAsync(ct);
            if (stuck.Count < Batch)
            {
                break;
            }

            after = stuck[^1].ReceivedAt;
        }

        if (swept > 0)
        {
            LogSwept(logger, swept);
        }

        return swept;
    }

    [LoggerMessage(LogLevel.Warning, "Re-sent the messages of {Count} Stripe events that waited too long")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(LogLevel.Error, "Sweeping stuck Stripe events failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
