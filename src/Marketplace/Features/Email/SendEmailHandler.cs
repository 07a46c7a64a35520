using Polly;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Marketplace.Features.Email;

/// <summary>
/// Delivers <see cref="SendEmail"/> from Wolverine's durable local queue. An outage of the mail provider outlasting
/// the HTTP client's own retries is retried here for about an hour before the message is dead-lettered; a mail the
/// provider refuses is dead-lettered at once.
/// </summary>
public static class SendEmailHandler
{
    public static void Configure(HandlerChain chain)
    {
        chain.OnException<EmailRejectedException>().MoveToErrorQueue();
        chain.OnException<HttpRequestException>().Or<ExecutionRejectedException>()
            .RetryWithCooldown(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30))
            .Then.ScheduleRetry(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(45))
            .Then.MoveToErrorQueue();
    }

    public static Task HandleAsync(SendEmail message, IEmailSender transport, CancellationToken ct) =>
        transport.SendAsync(message, ct);
}
