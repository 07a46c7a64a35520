namespace Marketplace.Features.Email;

/// <summary>Hands one mail to whatever delivers it. Delivering the same <see cref="SendEmail.MessageId"/> twice sends one mail.</summary>
public interface IEmailSender
{
    Task SendAsync(SendEmail message, CancellationToken ct);
}
