namespace Marketplace.Features.StripeWebhooks;

public enum StripeEventStatus
{
    /// <summary>Stored and waiting for its handler.</summary>
    Received,

    /// <summary>The handler failed; a retry is scheduled.</summary>
    Retrying,

    Processed,

    /// <summary>No handler wants this event type.</summary>
    Ignored,

    /// <summary>Every attempt failed; an admin can replay it once the cause is fixed.</summary>
    Failed,
}

/// <summary>A Stripe event as received: stored once per event id, whatever Stripe's retries and duplicates.</summary>
public sealed class StripeEventRecord
{
    /// <summary>Stripe's event id (<c>evt_…</c>).</summary>
    public string Id { get; set; } = "";
    public string Type { get; set; } = "";

    /// <summary>The connected account the event is about, for Connect events.</summary>
    public string? Account { get; set; }

    public bool Livemode { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The verified JSON, exactly as Stripe sent it.</summary>
    public string Payload { get; set; } = "";

    public StripeEventStatus Status { get; set; }
    public int Attempts { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public int Replays { get; set; }

    [Marten.Schema.Version]
    public Guid Version { get; set; }
}
