namespace Marketplace.Features.Platform;

/// <summary>A message someone sent the team through the contact form.</summary>
public sealed class ContactMessage
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
    public required string Email { get; init; }
    public required string Subject { get; init; }
    public required string Body { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>When the durable handler passed it on to the team; null while it waits in the queue.</summary>
    public DateTimeOffset? ForwardedAt { get; set; }
}

/// <summary>Published in the same transaction that stores the message.</summary>
public sealed record ContactMessageReceived(Guid ContactMessageId);
