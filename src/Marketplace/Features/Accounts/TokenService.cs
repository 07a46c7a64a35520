using System.Security.Cryptography;
using System.Text;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Marketplace.Features.Accounts;

public sealed record TokenPair(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);

/// <summary>
/// Short-lived bearer access tokens (Identity's bearer token format, checked by its handler) and rotating refresh
/// tokens kept in Marten. Callers save the session: the tokens and the change that caused them commit together.
/// </summary>
public sealed class TokenService(
    IOptionsMonitor<BearerTokenOptions> bearer, SignInManager<UserAccount> signIn, IDocumentSession session, TimeProvider clock)
{
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(14);

    /// <summary>A token pair; <paramref name="signedInAt"/> is the sign-in the family began with (<see cref="SignInTime"/>).</summary>
    public async Task<TokenPair> IssueAsync(UserAccount user, Guid? family = null, DateTimeOffset? signedInAt = null)
    {
        var principal = await signIn.CreateUserPrincipalAsync(user);
        if (signedInAt is { } at && principal.Identity is System.Security.Claims.ClaimsIdentity identity)
        {
            identity.AddClaim(SignInTime.Claim(at));
        }

        var now = clock.GetUtcNow();
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + AccessTokenLifetime };
        var ticket = new AuthenticationTicket(principal, properties, IdentityConstants.BearerScheme);
        var accessToken = bearer.Get(IdentityConstants.BearerScheme).BearerTokenProtector.Protect(ticket);

        var refreshToken = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        session.Insert(new RefreshToken
        {
            Id = Hash(refreshToken),
            UserId = user.Id,
            FamilyId = family ?? Guid.CreateVersion7(),
            SecurityStamp = user.SecurityStamp ?? "",
            IssuedAt = now,
            SignedInAt = signedInAt,
            ExpiresAt = now + RefreshTokenLifetime,
        });
        return new TokenPair("Bearer", accessToken, (long)AccessTokenLifetime.TotalSeconds, refreshToken);
    }

    /// <summary>
    /// The token to rotate, marked replaced, or null when it is unknown, expired, revoked or already used; a reused
    /// token revokes its whole family (someone else holds a copy).
    /// </summary>
    public async Task<RefreshToken?> RedeemAsync(string value, CancellationToken ct)
    {
        var token = await session.LoadAsync<RefreshToken>(Hash(value), ct);
        var now = clock.GetUtcNow();
        if (token is null || token.ExpiresAt <= now)
        {
            return null;
        }

        if (token.ReplacedAt is not null || token.RevokedAt is not null)
        {
            await RevokeFamilyAsync(token.FamilyId, ct);
            return null;
        }

        token.ReplacedAt = now;
        session.Update(token);
        return token;
    }

    /// <summary>Retires the token's family (sign-out on one device); unknown tokens are ignored.</summary>
    public async Task RetireAsync(string value, CancellationToken ct)
    {
        if (await session.LoadAsync<RefreshToken>(Hash(value), ct) is { } token)
        {
            await RevokeFamilyAsync(token.FamilyId, ct);
        }
    }

    public Task RevokeAllAsync(Guid userId, CancellationToken ct) => RevokeAllAsync(session, userId, clock.GetUtcNow(), ct);

    /// <summary>Revokes every live refresh token of the account in the given session (a Wolverine handler's).</summary>
    public static Task RevokeAllAsync(IDocumentSession session, Guid userId, DateTimeOffset now, CancellationToken ct) =>
        RevokeAsync(session, t => t.UserId == userId, now, ct);

    public Task RevokeFamilyAsync(Guid familyId, CancellationToken ct) => RevokeAsync(session, t => t.FamilyId == familyId, clock.GetUtcNow(), ct);

    private static async Task RevokeAsync(
        IDocumentSession session, System.Linq.Expressions.Expression<Func<RefreshToken, bool>> which, DateTimeOffset now, CancellationToken ct)
    {
        var live = await session.Query<RefreshToken>().Where(which).Where(t => t.RevokedAt == null).ToListAsync(ct);
        foreach (var token in live)
        {
            token.RevokedAt = now;
            session.Update(token);
        }
    }

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
