using System.Net;

namespace Marketplace.Features.Email;

/// <summary>The mail provider refused a mail for good (a 4xx other than 408 and 429): retrying it cannot succeed.</summary>
public sealed class EmailRejectedException(Guid messageId, HttpStatusCode statusCode, string reason)
    : Exception($"The mail provider rejected mail {messageId} with {(int)statusCode} {statusCode}: {reason}")
{
    public Guid MessageId { get; } = messageId;
    public HttpStatusCode StatusCode { get; } = statusCode;
    public string Reason { get; } = reason;
}
