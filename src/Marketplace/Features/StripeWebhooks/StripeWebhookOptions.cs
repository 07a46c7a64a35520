namespace Marketplace.Features.StripeWebhooks;

/// <summary><c>Stripe:Webhooks</c>: how a failing event handler is retried before the event is marked failed.</summary>
public sealed class StripeWebhookOptions
{
    public const string Section = "Stripe:Webhooks";

    private static readonly TimeSpan[] DefaultRetryDelays =
        [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1)];

    /// <summary>The wait before each retry (configuration replaces the defaults; it cannot append to them).</summary>
    public TimeSpan[]? RetryDelays { get; set; }

    public IReadOnlyList<TimeSpan> Delays => RetryDelays is { Length: > 0 } configured ? configured : DefaultRetryDelays;
}
