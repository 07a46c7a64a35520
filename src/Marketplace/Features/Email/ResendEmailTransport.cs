using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Marketplace.Features.Email;

/// <summary>
/// Sends mail through Resend's <c>POST /emails</c>. The client's resilience pipeline (see <see cref="EmailModule"/>)
/// already retried 5xx, 408, 429 and timeouts when an answer reaches this class; the message id travels as the
/// <c>Idempotency-Key</c>, so every retry, here or by Wolverine, sends at most one mail.
/// </summary>
public sealed partial class ResendEmailTransport(HttpClient http, IOptions<EmailOptions> options, ILogger<ResendEmailTransport> logger)
    : IEmailSender
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    private const int MaxReasonLength = 500;

    public async Task SendAsync(SendEmail message, CancellationToken ct)
    {
        var body = new ResendEmail(options.Value.From, [message.To], message.Subject, message.Html, message.Text);
        using var request = new HttpRequestMessage(HttpMethod.Post, "emails")
        {
            Content = JsonContent.Create(body, options: JsonSerializerOptions.Web),
        };
        request.Headers.Add(IdempotencyKeyHeader, message.MessageId.ToString());

        using var response = await http.SendAsync(request, ct);
        if (response.IsSuccessStatusCode)
        {
            LogSent(logger, message.MessageId);
            return;
        }

        var reason = await ReadReasonAsync(response, ct);
        if (IsTransient(response.StatusCode, reason))
        {
            throw new HttpRequestException(
                $"Resend answered {(int)response.StatusCode} for mail {message.MessageId}: {reason}", null, response.StatusCode);
        }

        throw new EmailRejectedException(message.MessageId, response.StatusCode, reason);
    }

    // Resend answers 409 while a request with the same idempotency key is still in flight: worth trying again later.
    private static bool IsTransient(HttpStatusCode status, string reason) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests ||
        (status is HttpStatusCode.Conflict && reason.Contains("concurrent_idempotent_requests", StringComparison.Ordinal));

    private static async Task<string> ReadReasonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if (string.IsNullOrWhiteSpace(text))
        {
            return response.ReasonPhrase ?? "no details";
        }

        return text.Length <= MaxReasonLength ? text : text[..MaxReasonLength];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MessageId} handed to Resend")]
    private static partial void LogSent(ILogger logger, Guid messageId);

    private sealed record ResendEmail(string From, string[] To, string Subject, string Html, string Text);
}
