using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Features.Accounts;

/// <summary>Lockout, two-factor authentication, the authenticator key and recovery codes.</summary>
public sealed partial class UserStore :
    IUserLockoutStore<UserAccount>, IUserTwoFactorStore<UserAccount>, IUserAuthenticatorKeyStore<UserAccount>,
    IUserTwoFactorRecoveryCodeStore<UserAccount>
{
    public Task<DateTimeOffset?> GetLockoutEndDateAsync(UserAccount user, CancellationToken cancellationToken) =>
        Task.FromResult(user.LockoutEnd);

    public Task SetLockoutEndDateAsync(UserAccount user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken) =>
        Set(() => user.LockoutEnd = lockoutEnd);

    public Task<int> IncrementAccessFailedCountAsync(UserAccount user, CancellationToken cancellationToken) =>
        Task.FromResult(++user.AccessFailedCount);

    public Task ResetAccessFailedCountAsync(UserAccount user, CancellationToken cancellationToken) =>
        Set(() => user.AccessFailedCount = 0);

    public Task<int> GetAccessFailedCountAsync(UserAccount user, CancellationToken cancellationToken) =>
        Task.FromResult(user.AccessFailedCount);

    public Task<bool> GetLockoutEnabledAsync(UserAccount user, CancellationToken cancellationToken) =>
        Task.FromResult(user.LockoutEnabled);

    public Task SetLockoutEnabledAsync(UserAccount user, bool enabled, CancellationToken cancellationToken) =>
        Set(() => user.LockoutEnabled = enabled);

    public Task SetTwoFactorEnabledAsync(UserAccount user, bool enabled, CancellationToken cancellationToken) =>
        Set(() => user.TwoFactorEnabled = enabled);

    public Task<bool> GetTwoFactorEnabledAsync(UserAccount user, CancellationToken cancellationToken) =>
        Task.FromResult(user.TwoFactorEnabled);

    public Task SetAuthenticatorKeyAsync(UserAccount user, string key, CancellationToken cancellationToken) =>
        Set(() => user.AuthenticatorKey = key);

    public Task<string?> GetAuthenticatorKeyAsync(UserAccount user, CancellationToken cancellationToken) =>
        Task.FromResult(user.AuthenticatorKey);

    public Task ReplaceCodesAsync(UserAccount user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken) =>
        Set(() => user.RecoveryCodeHashes = [.. recoveryCodes.Select(Hash)]);

    public Task<bool> RedeemCodeAsync(UserAccount user, string code, CancellationToken cancellationToken)
    {
        var hash = Hash(code);
        var index = user.RecoveryCodeHashes.FindIndex(stored =>
            CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), Encoding.ASCII.GetBytes(hash)));
        if (index < 0)
        {
            return Task.FromResult(false);
        }

        user.RecoveryCodeHashes.RemoveAt(index);
        return Task.FromResult(true);
    }

    public Task<int> CountCodesAsync(UserAccount user, CancellationToken cancellationToken) =>
        Task.FromResult(user.RecoveryCodeHashes.Count);

    private static string Hash(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim().ToUpperInvariant())));
}
