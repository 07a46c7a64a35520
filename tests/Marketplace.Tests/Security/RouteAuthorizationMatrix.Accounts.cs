namespace Marketplace.Tests.Security;

public static partial class RouteAuthorizationMatrix
{
    private static readonly Row[] Accounts =
    [
        new("GET", "/api/account/2fa", Anonymous: 401, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        new("POST", "/api/account/2fa/disable", Anonymous: 401, Buyer: 400, OtherBuyer: 400, Owner: 400, OtherSeller: 400, Moderator: 400, Admin: 400, Suspended: 400),
        new("POST", "/api/account/2fa/enable", Anonymous: 401, Buyer: 400, OtherBuyer: 400, Owner: 400, OtherSeller: 400, Moderator: 400, Admin: 400, Suspended: 400),
        new("POST", "/api/account/2fa/recovery-codes", Anonymous: 401, Buyer: 400, OtherBuyer: 400, Owner: 400, OtherSeller: 400, Moderator: 400, Admin: 400, Suspended: 400),
        new("POST", "/api/account/2fa/setup", Anonymous: 401, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        new("POST", "/api/account/delete", Anonymous: 401, Buyer: 400, OtherBuyer: 400, Owner: 400, OtherSeller: 400, Moderator: 400, Admin: 400, Suspended: 400),
        new("PUT", "/api/account/display-name", Anonymous: 401, Buyer: 400, OtherBuyer: 400, Owner: 400, OtherSeller: 400, Moderator: 400, Admin: 400, Suspended: 400),
        new("PUT", "/api/account/handle", Anonymous: 401, Buyer: 400, OtherBuyer: 400, Owner: 400, OtherSeller: 400, Moderator: 400, Admin: 400, Suspended: 400),
        new("POST", "/api/account/password", Anonymous: 401, Buyer: 400, OtherBuyer: 400, Owner: 400, OtherSeller: 400, Moderator: 400, Admin: 400, Suspended: 400),
        new("POST", "/api/account/sign-out-everywhere", Anonymous: 401, Buyer: 204, OtherBuyer: 204, Owner: 204, OtherSeller: 204, Moderator: 204, Admin: 204, Suspended: 204),
        new("POST", "/api/auth/confirm-email", Anonymous: 400, Buyer: 400, OtherBuyer: 400, Owner: 400, OtherSeller: 400, Moderator: 400, Admin: 400, Suspended: 400),
        new("POST", "/api/auth/forgot-password", Anonymous: 400, Buyer: 400, OtherBuyer: 400, Owner: 400, OtherSeller: 400, Moderator: 400, Admin: 400, Suspended: 400),
        new("POST", "/api/auth/login", Anonymous: 400, Buyer: 400, OtherBuyer: 400, Owner: 400, OtherSeller: 400, Moderator: 400, Admin: 400, Suspended: 400),
        new("POST", "/api/auth/logout", Anonymous: 204, Buyer: 204, OtherBuyer: 204, Owner: 204, OtherSeller: 204, Moderator: 204, Admin: 204, Suspended: 204),
        new("POST", "/api/auth/refresh", Anonymous: 400, Buyer: 400, OtherBuyer: 400, Owner: 400, OtherSeller: 400, Moderator: 400, Admin: 400, Suspended: 400),
        new("POST", "/api/auth/register", Anonymous: 400, Buyer: 400, OtherBuyer: 400, Owner: 400, OtherSeller: 400, Moderator: 400, Admin: 400, Suspended: 400),
        new("POST", "/api/auth/resend-confirmation", Anonymous: 400, Buyer: 400, OtherBuyer: 400, Owner: 400, OtherSeller: 400, Moderator: 400, Admin: 400, Suspended: 400),
        new("POST", "/api/auth/reset-password", Anonymous: 400, Buyer: 400, OtherBuyer: 400, Owner: 400, OtherSeller: 400, Moderator: 400, Admin: 400, Suspended: 400),
        new("GET", "/api/me", Anonymous: 401, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        new("GET", "/api/members", Anonymous: 401, Buyer: 400, OtherBuyer: 400, Owner: 400, OtherSeller: 400, Moderator: 400, Admin: 400, Suspended: 400),
    ];
}
