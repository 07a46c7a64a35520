using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Features.Accounts;

/// <summary>Roles, claims, external logins and authentication tokens, all kept inside the user's document.</summary>
public sealed partial class UserStore :
    IUserRoleStore<UserAccount>, IUserClaimStore<UserAccount>, IUserLoginStore<UserAccount>, IUserAuthenticationTokenStore<UserAccount>
{
    public Task AddToRoleAsync(UserAccount user, string roleName, CancellationToken cancellationToken) => Set(() =>
    {
        var role = KnownRole(roleName);
        if (!user.IsInRole(role))
        {
            user.Roles.Add(role);
        }
    });

    public Task RemoveFromRoleAsync(UserAccount user, string roleName, CancellationToken cancellationToken) =>
        Set(() => user.Roles.Remove(KnownRole(roleName)));

    public Task<IList<string>> GetRolesAsync(UserAccount user, CancellationToken cancellationToken) =>
        Task.FromResult<IList<string>>([.. user.Roles]);

    public Task<bool> IsInRoleAsync(UserAccount user, string roleName, CancellationToken cancellationToken) =>
        Task.FromResult(user.IsInRole(KnownRole(roleName)));

    public async Task<IList<UserAccount>> GetUsersInRoleAsync(string roleName, CancellationToken cancellationToken)
    {
        var role = KnownRole(roleName);
        return [.. await session.Query<UserAccount>().Where(u => u.Roles.Contains(role)).ToListAsync(cancellationToken)];
    }

    /// <summary>Identity upper-cases role names; ours are a fixed lower-case set.</summary>
    private static string KnownRole(string name) =>
        Roles.All.FirstOrDefault(role => string.Equals(role, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException($"Unknown role '{name}'.");

    public Task<IList<Claim>> GetClaimsAsync(UserAccount user, CancellationToken cancellationToken) =>
        Task.FromResult<IList<Claim>>([.. user.Claims.Select(c => new Claim(c.Type, c.Value))]);

    public Task AddClaimsAsync(UserAccount user, IEnumerable<Claim> claims, CancellationToken cancellationToken) =>
        Set(() => user.Claims.AddRange(claims.Select(c => new StoredClaim(c.Type, c.Value))));

    public Task ReplaceClaimAsync(UserAccount user, Claim claim, Claim newClaim, CancellationToken cancellationToken) => Set(() =>
    {
        var index = user.Claims.IndexOf(new StoredClaim(claim.Type, claim.Value));
        if (index >= 0)
        {
            user.Claims[index] = new StoredClaim(newClaim.Type, newClaim.Value);
        }
    });

    public Task RemoveClaimsAsync(UserAccount user, IEnumerable<Claim> claims, CancellationToken cancellationToken) =>
        Set(() => user.Claims.RemoveAll(stored => claims.Any(c => c.Type == stored.Type && c.Value == stored.Value)));

    public async Task<IList<UserAccount>> GetUsersForClaimAsync(Claim claim, CancellationToken cancellationToken)
    {
        var wanted = new StoredClaim(claim.Type, claim.Value);
        return [.. await session.Query<UserAccount>().Where(u => u.Claims.Contains(wanted)).ToListAsync(cancellationToken)];
    }

    public Task AddLoginAsync(UserAccount user, UserLoginInfo login, CancellationToken cancellationToken) =>
        Set(() => user.Logins.Add(new StoredLogin(login.LoginProvider, login.ProviderKey, login.ProviderDisplayName)));

    public Task RemoveLoginAsync(UserAccount user, string loginProvider, string providerKey, CancellationToken cancellationToken) =>
        Set(() => user.Logins.RemoveAll(l => l.LoginProvider == loginProvider && l.ProviderKey == providerKey));

    public Task<IList<UserLoginInfo>> GetLoginsAsync(UserAccount user, CancellationToken cancellationToken) =>
        Task.FromResult<IList<UserLoginInfo>>([.. user.Logins.Select(l => new UserLoginInfo(l.LoginProvider, l.ProviderKey, l.DisplayName))]);

    public async Task<UserAccount?> FindByLoginAsync(string loginProvider, string providerKey, CancellationToken cancellationToken)
    {
        var candidates = await session.Query<UserAccount>()
            .Where(u => u.Logins.Any(l => l.LoginProvider == loginProvider && l.ProviderKey == providerKey))
            .ToListAsync(cancellationToken);
        return candidates.FirstOrDefault();
    }

    public Task SetTokenAsync(UserAccount user, string loginProvider, string name, string? value, CancellationToken cancellationToken) =>
        Set(() =>
        {
            user.Tokens.RemoveAll(t => t.LoginProvider == loginProvider && t.Name == name);
            user.Tokens.Add(new StoredToken(loginProvider, name, value));
        });

    public Task RemoveTokenAsync(UserAccount user, string loginProvider, string name, CancellationToken cancellationToken) =>
        Set(() => user.Tokens.RemoveAll(t => t.LoginProvider == loginProvider && t.Name == name));

    public Task<string?> GetTokenAsync(UserAccount user, string loginProvider, string name, CancellationToken cancellationToken) =>
        Task.FromResult(user.Tokens.FirstOrDefault(t => t.LoginProvider == loginProvider && t.Name == name)?.Value);
}
