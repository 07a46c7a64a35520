using JasperFx;
using Marten;

namespace Marketplace.Features.Email;

/// <summary>
/// Keeps mail in the database instead of sending it, for development and tests (no Resend key configured). A mail
/// already kept under the same message id is left as it is, so a redelivery changes nothing.
/// </summary>
public sealed partial class DevOutboxTransport(IDocumentStore store, TimeProvider clock, ILogger<DevOutboxTransport> logger)
    : IEmailSender
{
    public async Task SendAsync(SendEmail message, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<DevOutboxMail>(message.MessageId, ct) is not null)
        {
            return;
        }

        session.Insert(DevOutboxMail.Of(message, clock.GetUtcNow()));
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (DocumentAlreadyExistsException)
        {
            // A concurrent delivery of the same message kept it first.
            return;
        }

        LogKept(logger, message.MessageId, message.Subject);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MessageId} ({Subject}) kept in the dev outbox at /dev/outbox")]
    private static partial void LogKept(ILogger logger, Guid messageId, string subject);
}
