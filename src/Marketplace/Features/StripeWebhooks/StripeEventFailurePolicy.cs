using JasperFx.CodeGeneration;
using JasperFx;
using Marten;
using Marten.Patching;
using Wolverine;
using Wolverine.Configuration;
using Wolverine.ErrorHandling;
using Wolverine.Runtime;
using Wolverine.Runtime.Handlers;

namespace Marketplace.Features.StripeWebhooks;

/// <summary>
/// How a failing <see cref="IStripeEventMessage"/> is retried: at once a few times (a lost optimistic-concurrency race
/// usually wins on the next try), then on the <c>Stripe:Webhooks:RetryDelays</c> schedule, then into the dead-letter
/// store. The record follows every step, so an event is never left <c>received</c> while nothing will run it.
/// </summary>
public sealed class StripeEventFailurePolicy(IReadOnlyList<TimeSpan> retryDelays) : IHandlerPolicy
{
    public static readonly TimeSpan[] Cooldowns =
        [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(150), TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(1)];

    public void Apply(IReadOnlyList<HandlerChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains.Where(chain => typeof(IStripeEventMessage).IsAssignableFrom(chain.MessageType)))
        {
            chain.OnAnyException()
                .RetryWithCooldown(Cooldowns)
                .Then.ScheduleRetry([.. retryDelays]).And(MarkRetryingAsync, "Mark the Stripe event retrying")
                .Then.MoveToErrorQueue().And(MarkFailedAsync, "Mark the Stripe event failed");
        }
    }

    private async ValueTask MarkRetryingAsync(IWolverineRuntime runtime, IEnvelopeLifecycle lifecycle, Exception exception)
    {
        var retry = Math.Clamp((lifecycle.Envelope?.Attempts ?? 0) - 1 - Cooldowns.Length, 0, retryDelays.Count - 1);
        await MarkAsync(runtime, lifecycle, exception, StripeEventStatus.Retrying, retryDelays[retry]);
    }

    private static async ValueTask MarkFailedAsync(IWolverineRuntime runtime, IEnvelopeLifecycle lifecycle, Exception exception)
    {
        await MarkAsync(runtime, lifecycle, exception, StripeEventStatus.Failed, next: null);
        if (lifecycle.Envelope is { Message: IStripeEventMessage message })
        {
            runtime.Services.GetRequiredService<StripeEventQueue>().Release(message.EventId);
        }
    }

    private static async ValueTask MarkAsync(
        IWolverineRuntime runtime, IEnvelopeLifecycle lifecycle, Exception exception, StripeEventStatus status, TimeSpan? next)
    {
        if (lifecycle.Envelope is not { Message: IStripeEventMessage message } envelope)
        {
            return;
        }

        var now = runtime.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using var session = runtime.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        // A patch, not a versioned update: this bookkeeping must not itself lose a concurrency race.
        session.Patch<StripeEventRecord>(message.EventId)
            .Set(record => record.Status, status)
            .Set(record => record.Attempts, envelope.Attempts)
            .Set(record => record.Error, $"{exception.GetType().Name}: {exception.Message}")
            .Set(record => record.NextAttemptAt, next is { } delay ? now + delay : null);
        await session.SaveChangesAsync();
        runtime.Services.GetRequiredService<ILogger<StripeEventFailurePolicy>>().Log(
            status == StripeEventStatus.Failed ? LogLevel.Error : LogLevel.Warning, exception,
            "Stripe event {EventId} failed on attempt {Attempt}; it is now {Status}", message.EventId, envelope.Attempts, status);
    }
}
