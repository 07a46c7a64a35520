using Marten;

namespace Marketplace.Features.Platform;

/// <summary>
/// Passes a contact message on to the team. Runs from Wolverine's durable queue, so it survives a crash between the
/// request and the hand-off; a message already forwarded is left alone, so a redelivery changes nothing.
/// </summary>
public static partial class ContactMessageReceivedHandler
{
    public static async Task HandleAsync(
        ContactMessageReceived received, IDocumentSession session, TimeProvider clock, ILogger<ContactMessage> logger, CancellationToken ct)
    {
        var message = await session.LoadAsync<ContactMessage>(received.ContactMessageId, ct);
        if (message is null || message.ForwardedAt is not null)
        {
            return;
        }

        message.ForwardedAt = clock.GetUtcNow();
        session.Store(message);
        LogForwarded(logger, message.Id, message.Subject);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact message {ContactMessageId} ({Subject}) forwarded to the team")]
    private static partial void LogForwarded(ILogger logger, Guid contactMessageId, string subject);
}
