namespace Marketplace.Tests.Security;

public static partial class RouteAuthorizationMatrix
{
    private static readonly Row[] Admin =
    [
        new("GET", "/api/admin/audit", Anonymous: 401, Buyer: 403, OtherBuyer: 403, Owner: 403, OtherSeller: 403, Moderator: 403, Admin: 200, Suspended: 403),
        new("GET", "/api/admin/dashboard", Anonymous: 401, Buyer: 403, OtherBuyer: 403, Owner: 403, OtherSeller: 403, Moderator: 403, Admin: 200, Suspended: 403),
        new("GET", "/api/admin/dead-letters", Anonymous: 401, Buyer: 403, OtherBuyer: 403, Owner: 403, OtherSeller: 403, Moderator: 403, Admin: 200, Suspended: 403),
        // no dead letter has the product's id: admins 404
        new("POST", "/api/admin/dead-letters/{id}/replay", Anonymous: 401, Buyer: 403, OtherBuyer: 403, Owner: 403, OtherSeller: 403, Moderator: 403, Admin: 404, Suspended: 403),
        // the search needs a query: 400 past the door
        new("GET", "/api/admin/orders", Anonymous: 401, Buyer: 403, OtherBuyer: 403, Owner: 403, OtherSeller: 403, Moderator: 403, Admin: 400, Suspended: 403),
        new("POST", "/api/admin/shops/{shopId}/reinstate", Anonymous: 401, Buyer: 403, OtherBuyer: 403, Owner: 403, OtherSeller: 403, Moderator: 403, Admin: 200, Suspended: 403),
        new("POST", "/api/admin/shops/{shopId}/suspend", Anonymous: 401, Buyer: 403, OtherBuyer: 403, Owner: 403, OtherSeller: 403, Moderator: 403, Admin: 200, Suspended: 403),
        new("GET", "/api/admin/users", Anonymous: 401, Buyer: 403, OtherBuyer: 403, Owner: 403, OtherSeller: 403, Moderator: 403, Admin: 200, Suspended: 403),
        new("DELETE", "/api/admin/users/{userId}/moderator", Anonymous: 401, Buyer: 403, OtherBuyer: 403, Owner: 403, OtherSeller: 403, Moderator: 403, Admin: 204, Suspended: 403),
        new("POST", "/api/admin/users/{userId}/moderator", Anonymous: 401, Buyer: 403, OtherBuyer: 403, Owner: 403, OtherSeller: 403, Moderator: 403, Admin: 204, Suspended: 403),
        new("GET", "/api/admin/webhooks", Anonymous: 401, Buyer: 403, OtherBuyer: 403, Owner: 403, OtherSeller: 403, Moderator: 403, Admin: 200, Suspended: 403),
        new("GET", "/api/admin/webhooks/{eventId}", Anonymous: 401, Buyer: 403, OtherBuyer: 403, Owner: 403, OtherSeller: 403, Moderator: 403, Admin: 200, Suspended: 403),
        new("POST", "/api/admin/webhooks/{eventId}/replay", Anonymous: 401, Buyer: 403, OtherBuyer: 403, Owner: 403, OtherSeller: 403, Moderator: 403, Admin: 202, Suspended: 403),
    ];
}
