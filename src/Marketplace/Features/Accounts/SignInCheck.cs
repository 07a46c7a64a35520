using Marketplace.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Wolverine.Marten;

namespace Marketplace.Features.Accounts;

public enum SignInOutcome
{
    InvalidCredentials,
    EmailNotConfirmed,
    TwoFactorRequired,
    Success,
}

/// <summary>
/// The one place that checks a password. The order matters: the password is verified before anything about the
/// account is revealed (unconfirmed, two-factor), and unknown or locked accounts cost the same hashing work as a
/// wrong password, so neither answers nor timing tell which accounts exist.
/// </summary>
public sealed class SignInCheck(UserManager<UserAccount> users, IMartenOutbox outbox, Marten.IDocumentSession session, TimeProvider clock)
{
    private static readonly UserAccount Nobody = new() { Id = Guid.Empty };
    private static string? s_nobodyHash;

    public async Task<(SignInOutcome Outcome, UserAccount? User)> CheckPasswordAsync(string email, string password, HttpContext http)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || await users.IsLockedOutAsync(user))
        {
            s_nobodyHash ??= users.PasswordHasher.HashPassword(Nobody, Guid.NewGuid().ToString());
            users.PasswordHasher.VerifyHashedPassword(Nobody, s_nobodyHash, password);
            return (SignInOutcome.InvalidCredentials, null);
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            await FailedAttemptAsync(user, http);
            return (SignInOutcome.InvalidCredentials, null);
        }

        if (!user.EmailConfirmed)
        {
            return (SignInOutcome.EmailNotConfirmed, user);
        }

        return (user.TwoFactorEnabled ? SignInOutcome.TwoFactorRequired : SignInOutcome.Success, user);
    }

    /// <summary>Checks an authenticator code or a recovery code; a wrong one counts as a failed attempt.</summary>
    public async Task<bool> CheckSecondFactorAsync(UserAccount user, string? code, string? recoveryCode, HttpContext http)
    {
        var valid = !string.IsNullOrWhiteSpace(code)
            ? await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code.Replace(" ", "", StringComparison.Ordinal))
            : !string.IsNullOrWhiteSpace(recoveryCode) && (await users.RedeemTwoFactorRecoveryCodeAsync(user, recoveryCode)).Succeeded;
        if (!valid)
        {
            await FailedAttemptAsync(user, http);
        }

        return valid;
    }

    public async Task SucceededAsync(UserAccount user) => await users.ResetAccessFailedCountAsync(user);

    private async Task FailedAttemptAsync(UserAccount user, HttpContext http)
    {
        // The lockout and its mail commit together: the message waits in the session that the user store saves.
        outbox.Enroll(session);
        var lockout = users.Options.Lockout;
        if (user.LockoutEnabled && !await users.IsLockedOutAsync(user) && user.AccessFailedCount + 1 >= lockout.MaxFailedAccessAttempts)
        {
            await outbox.PublishAsync(new AccountLockedOut(user.Id, clock.GetUtcNow() + lockout.DefaultLockoutTimeSpan, PublicUrl.Of(http)));
        }

        await users.AccessFailedAsync(user); // counts the attempt, locks at the limit, and saves the session
    }
}
