namespace Marketplace.Features.StripeWebhooks;

/// <summary>
/// <c>Stripe:Webhooks</c>: how a failing event handler is retried before the event is marked failed, and how often and
/// after how long events that wait without a message running are sent again.
/// </summary>
public sealed class StripeWebhookOptions
{
    public const string Section = "Stripe:Webhooks";

    private static readonly TimeSpan[] DefaultRetryDelays =
        [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1)];

    /// <summary>The wait before each retry (configuration replaces the defaults; it cannot append to them).</summary>
    public TimeSpan[]? RetryDelays { get; set; }

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an event may stay received (or past its retry time) before the sweeper sends it again.</summary>
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long applying a stored event may wait for webhook deliveries to pause (<see cref="IntakeActivity"/>); zero
    /// applies events at once, competing with the acknowledgements for the cores.
    /// </summary>
    public TimeSpan YieldToIntakeFor { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many stored events one node applies at a time.</summary>
    public int MaximumParallelEvents { get; set; } = Environment.ProcessorCount;

    public IReadOnlyList<TimeSpan> Delays => RetryDelays is { Length: > 0 } configured ? configured : DefaultRetryDelays;
}
