namespace Marketplace.Tests.Security;

public static partial class RouteAuthorizationMatrix
{
    private static readonly Row[] Shops =
    [
        new("POST", "/api/shops", Anonymous: 401, Buyer: 400, OtherBuyer: 400, Owner: 400, OtherSeller: 400, Moderator: 400, Admin: 400, Suspended: 403),
        // each seller their own shop; members without one 404
        new("GET", "/api/shops/mine", Anonymous: 401, Buyer: 404, OtherBuyer: 404, Owner: 200, OtherSeller: 200, Moderator: 404, Admin: 404, Suspended: 404),
        new("PUT", "/api/shops/{shopId}", Anonymous: 401, Buyer: 404, OtherBuyer: 404, Owner: 200, OtherSeller: 404, Moderator: 404, Admin: 200, Suspended: 403),
        new("POST", "/api/shops/{shopId}/logo", Anonymous: 401, Buyer: 404, OtherBuyer: 404, Owner: 200, OtherSeller: 404, Moderator: 404, Admin: 200, Suspended: 403),
        new("GET", "/api/shops/{shopId}/payouts", Anonymous: 401, Buyer: 404, OtherBuyer: 404, Owner: 200, OtherSeller: 404, Moderator: 404, Admin: 200, Suspended: 404),
        new("POST", "/api/shops/{shopId}/payouts/dashboard", Anonymous: 401, Buyer: 404, OtherBuyer: 404, Owner: 200, OtherSeller: 404, Moderator: 404, Admin: 200, Suspended: 403),
        new("POST", "/api/shops/{shopId}/payouts/onboarding", Anonymous: 401, Buyer: 404, OtherBuyer: 404, Owner: 200, OtherSeller: 404, Moderator: 404, Admin: 200, Suspended: 403),
        new("GET", "/api/shops/{slug}", Anonymous: 200, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        // 200: the owner uploaded a logo in the row of POST /api/shops/{shopId}/logo, which runs before (rows run in route order)
        new("GET", "/api/shops/{slug}/logo", Anonymous: 200, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
    ];
}
