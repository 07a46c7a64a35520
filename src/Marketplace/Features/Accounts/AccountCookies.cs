namespace Marketplace.Features.Accounts;

public static class AccountCookies
{
    public const string Application = "mp.session";
    public const string TwoFactorUserId = "mp.2fa";
    public const string TwoFactorRememberMe = "mp.2fa.remember";
    public const string External = "mp.external";
}
