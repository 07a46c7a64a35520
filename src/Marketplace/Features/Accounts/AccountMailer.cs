using Marketplace.Features.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Wolverine;

namespace Marketplace.Features.Accounts;

/// <summary>
/// Turns account messages into mails. Runs in Wolverine's durable handlers; the returned <see cref="SendEmail"/> is
/// cascaded through the outbox in the handler's transaction, under the incoming envelope's id, so a redelivered
/// message never mails twice.
/// </summary>
public sealed class AccountMailer(UserManager<UserAccount> users)
{
    public async Task<SendEmail?> ConfirmationAsync(UserAccount? user, string baseUrl, Envelope envelope)
    {
        if (user is null || user.EmailConfirmed || user.DeletedAt is not null || user.Email is null)
        {
            return null;
        }

        var code = WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
        var url = QueryHelpers.AddQueryString($"{baseUrl.TrimEnd('/')}/account/confirm-email",
            new Dictionary<string, string?> { ["userId"] = user.Id.ToString(), ["code"] = code });
        return Message(envelope, user.Email, AccountEmails.ConfirmEmail(user.DisplayName, url));
    }

    public async Task<SendEmail?> PasswordResetAsync(UserAccount? user, string baseUrl, Envelope envelope)
    {
        if (user is null || user.Email is null)
        {
            return null;
        }

        var code = WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        var url = QueryHelpers.AddQueryString($"{baseUrl.TrimEnd('/')}/account/reset-password",
            new Dictionary<string, string?> { ["email"] = user.Email, ["code"] = code });
        return Message(envelope, user.Email, AccountEmails.ResetPassword(user.DisplayName, url));
    }

    public static SendEmail? AccountExists(UserAccount? user, string baseUrl, Envelope envelope) =>
        user?.Email is null ? null
            : Message(envelope, user.Email, AccountEmails.SignUpWithExistingEmail(user.DisplayName, $"{baseUrl.TrimEnd('/')}/account/login",
                $"{baseUrl.TrimEnd('/')}/account/forgot-password"));

    public static SendEmail? LockedOut(UserAccount? user, DateTimeOffset until, string baseUrl, Envelope envelope) =>
        user?.Email is null ? null
            : Message(envelope, user.Email, AccountEmails.LockedOut(user.DisplayName, until, $"{baseUrl.TrimEnd('/')}/account/forgot-password"));

    public static string DecodeCode(string code)
    {
        try
        {
            return System.Text.Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return "";
        }
    }

    private static SendEmail Message(Envelope envelope, string to, EmailContent content) =>
        new(envelope.Id, to, content.Subject, content.Text, content.Html);
}
