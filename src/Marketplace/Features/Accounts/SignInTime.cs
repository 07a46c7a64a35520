using System.Globalization;
using System.Security.Claims;

namespace Marketplace.Features.Accounts;

/// <summary>
/// When the member last proved who they are (password, and second factor if on): the <c>auth_time</c> claim, in Unix
/// milliseconds, set at sign-in and carried by the refresh tokens of that sign-in. A session refreshed otherwise
/// (security stamp revalidation, a display name change) loses it and counts as not freshly signed in.
/// </summary>
public static class SignInTime
{
    public const string ClaimType = "auth_time";

    public static Claim Claim(DateTimeOffset at) => new(ClaimType, at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

    /// <summary>The principal's sign-in time, or null when it is not known.</summary>
    public static DateTimeOffset? Of(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(ClaimType), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
        && ms <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
}
