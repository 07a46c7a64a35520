using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace Marketplace.Features.Accounts;

/// <summary>
/// Authenticator (TOTP) codes that work once: a code, or any older one, is refused after a newer code was used,
/// so a code seen over a shoulder or in a phishing proxy cannot be replayed within its validity window.
/// </summary>
public sealed class OneTimeAuthenticatorCodes(TimeProvider clock) : IUserTwoFactorTokenProvider<UserAccount>
{
    public const string ProviderName = "OneTimeAuthenticator";

    public Task<string> GenerateAsync(string purpose, UserManager<UserAccount> manager, UserAccount user) =>
        Task.FromResult(string.Empty); // the code comes from the person's app, never from us

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<UserAccount> manager, UserAccount user)
    {
        if (user.AuthenticatorKey is not { Length: > 0 } key || token.Length != 6 || !token.All(char.IsAsciiDigit))
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        var now = clock.GetUtcNow().UtcDateTime;
        if (!totp.VerifyTotp(now, token, out var step, new VerificationWindow(previous: 1, future: 1)) || step <= user.LastAuthenticatorStep)
        {
            return false;
        }

        user.LastAuthenticatorStep = step;
        return (await manager.UpdateAsync(user)).Succeeded; // a concurrent use of the same code loses the write
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<UserAccount> manager, UserAccount user) =>
        Task.FromResult(user.AuthenticatorKey is { Length: > 0 });
}
