namespace Marketplace.Tests.Security;

public static partial class RouteAuthorizationMatrix
{
    private static readonly Row[] Fees =
    [
        new("GET", "/api/admin/fees", Anonymous: 401, Buyer: 403, OtherBuyer: 403, Owner: 403, OtherSeller: 403, Moderator: 403, Admin: 200, Suspended: 403),
        new("PUT", "/api/admin/fees", Anonymous: 401, Buyer: 403, OtherBuyer: 403, Owner: 403, OtherSeller: 403, Moderator: 403, Admin: 200, Suspended: 403),
        new("DELETE", "/api/admin/shops/{shopId}/fee", Anonymous: 401, Buyer: 403, OtherBuyer: 403, Owner: 403, OtherSeller: 403, Moderator: 403, Admin: 204, Suspended: 403),
        new("PUT", "/api/admin/shops/{shopId}/fee", Anonymous: 401, Buyer: 403, OtherBuyer: 403, Owner: 403, OtherSeller: 403, Moderator: 403, Admin: 200, Suspended: 403),
        new("GET", "/admin/fees", Anonymous: 302, Buyer: 302, OtherBuyer: 302, Owner: 302, OtherSeller: 302, Moderator: 302, Admin: 200, Suspended: 302),
    ];
}
