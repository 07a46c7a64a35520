namespace Marketplace.Features.Email;

/// <summary>
/// A mail to send. Features return it from a Wolverine handler (or cascade it), so it commits in the same
/// transaction as the change that causes it; the Email feature's durable handler delivers it. <see cref="MessageId"/>
/// is the idempotency key: delivering the same message twice never sends two mails.
/// </summary>
public sealed record SendEmail(Guid MessageId, string To, string Subject, string Text, string Html);
