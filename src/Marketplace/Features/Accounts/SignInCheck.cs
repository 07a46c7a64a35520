using Marketplace.Infrastructure.Persistence;
using Marketplace.Infrastructure.Web;
using Marten;
using Microsoft.AspNetCore.Identity;
using Wolverine;
using Wolverine.Attributes;

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
/// account is revealed (unconfirmed, two-factor), and unknown or refused accounts cost the same hashing work as a
/// wrong password, so neither answers nor timing tell which accounts exist. Five failures lock the account and mail
/// its owner; while locked, an address that failed on it is refused unheard, but the right password from any other
/// address (the owner's, usually) still signs in and lifts the lock (<see cref="LoginThrottle"/>).
/// </summary>
public sealed class SignInCheck(UserManager<UserAccount> users, IMessageBus bus, LoginThrottle throttle)
{
    private static readonly UserAccount Nobody = new() { Id = Guid.Empty };
    private static string? s_nobodyHash;

    public async Task<(SignInOutcome Outcome, UserAccount? User)> CheckPasswordAsync(string email, string password, HttpContext http)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || (await users.IsLockedOutAsync(user) && throttle.HasFailed(email, http)))
        {
            s_nobodyHash ??= users.PasswordHasher.HashPassword(Nobody, Guid.NewGuid().ToString());
            users.PasswordHasher.VerifyHashedPassword(Nobody, s_nobodyHash, password);
            throttle.RecordFailure(email, http);
            return (SignInOutcome.InvalidCredentials, null);
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            throttle.RecordFailure(email, http);
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
            throttle.RecordFailure(user.Email ?? "", http);
            await FailedAttemptAsync(user, http);
        }

        return valid;
    }

    /// <summary>A complete sign-in: the failure count starts again and a lock the right password got through is lifted.</summary>
    public async Task SucceededAsync(UserAccount user)
    {
        await users.ResetAccessFailedCountAsync(user);
        if (user.LockoutEnd is not null)
        {
            await users.SetLockoutEndDateAsync(user, null);
        }
    }

    /// <summary>Counts the attempt in a handler of its own; <paramref name="user"/> then shows the count and any lockout.</summary>
    private async Task FailedAttemptAsync(UserAccount user, HttpContext http)
    {
        var counted = await bus.InvokeAsync<FailedSignIn.Counted>(
            new FailedSignIn.Command(user.Id, PublicUrl.Of(http)), http.RequestAborted, UseCases.InvokeTimeout);
        if (counted.Account is { } saved)
        {
            (user.AccessFailedCount, user.LockoutEnd, user.ConcurrencyStamp, user.Version) =
                (saved.AccessFailedCount, saved.LockoutEnd, saved.ConcurrencyStamp, saved.Version);
        }
    }
}

/// <summary>A wrong password or second factor: counted, and at the limit the lockout and its mail commit together.</summary>
[WolverineHandler]
public static class FailedSignIn
{
    public sealed record Command(Guid UserId, string BaseUrl);

    /// <summary>The account as saved, with its count and lockout; none when it no longer exists.</summary>
    public sealed record Counted(UserAccount? Account);

    public static async Task<Counted> HandleAsync(
        Command command, UserManager<UserAccount> users, IDocumentSession session, IMessageContext messages, TimeProvider clock)
    {
        if (await users.FindByIdAsync(command.UserId.ToString()) is not { } user)
        {
            return new Counted(null);
        }

        var lockout = users.Options.Lockout;
        object[] lockedOut = user.LockoutEnabled && !await users.IsLockedOutAsync(user) && user.AccessFailedCount + 1 >= lockout.MaxFailedAccessAttempts
            ? [new AccountLockedOut(user.Id, clock.GetUtcNow() + lockout.DefaultLockoutTimeSpan, command.BaseUrl)]
            : [];
        var saved = await messages.CommitWithAsync(session, () => users.AccessFailedAsync(user), lockedOut); // counts, locks at the limit, saves
        return new Counted(saved.Succeeded ? user : null);
    }
}
