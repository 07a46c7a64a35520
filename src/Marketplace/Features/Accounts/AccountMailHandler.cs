using Marketplace.Features.Email;
using Microsoft.AspNetCore.Identity;
using Wolverine;

namespace Marketplace.Features.Accounts;

/// <summary>Durable handlers that mail account owners; each looks the account up again, so stale messages do nothing.</summary>
public static class AccountMailHandler
{
    public static async Task<SendEmail?> HandleAsync(AccountRegistered message, UserManager<UserAccount> users, AccountMailer mailer, Envelope envelope) =>
        await mailer.ConfirmationAsync(await users.FindByIdAsync(message.UserId.ToString()), message.BaseUrl, envelope);

    public static async Task<SendEmail?> HandleAsync(ConfirmationEmailRequested message, UserManager<UserAccount> users, AccountMailer mailer, Envelope envelope) =>
        await mailer.ConfirmationAsync(await users.FindByEmailAsync(message.Email), message.BaseUrl, envelope);

    public static async Task<SendEmail?> HandleAsync(PasswordResetRequested message, UserManager<UserAccount> users, AccountMailer mailer, Envelope envelope) =>
        await mailer.PasswordResetAsync(await users.FindByEmailAsync(message.Email), message.BaseUrl, envelope);

    public static async Task<SendEmail?> HandleAsync(SignUpAttemptedOnExistingAccount message, UserManager<UserAccount> users, Envelope envelope) =>
        AccountMailer.AccountExists(await users.FindByEmailAsync(message.Email), message.BaseUrl, envelope);

    public static async Task<SendEmail?> HandleAsync(AccountLockedOut message, UserManager<UserAccount> users, Envelope envelope) =>
        AccountMailer.LockedOut(await users.FindByIdAsync(message.UserId.ToString()), message.Until, message.BaseUrl, envelope);
}
