namespace Marketplace.Tests.Security;

public static partial class RouteAuthorizationMatrix
{
    private static readonly Row[] Orders =
    [
        new("GET", "/api/cart", Anonymous: 401, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        new("POST", "/api/cart/items", Anonymous: 401, Buyer: 400, OtherBuyer: 400, Owner: 400, OtherSeller: 400, Moderator: 400, Admin: 400, Suspended: 403),
        new("DELETE", "/api/cart/items/{productId}", Anonymous: 401, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 403),
        new("POST", "/api/checkout", Anonymous: 401, Buyer: 409, OtherBuyer: 409, Owner: 409, OtherSeller: 409, Moderator: 409, Admin: 409, Suspended: 403),
        new("GET", "/api/orders", Anonymous: 401, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        new("GET", "/api/orders/{orderId}", Anonymous: 401, Buyer: 200, OtherBuyer: 404, Owner: 404, OtherSeller: 404, Moderator: 404, Admin: 404, Suspended: 404),
        // line 99 does not exist: the seller of the order and admins reach that check (400), the rest are told the order does not exist
        new("POST", "/api/orders/{orderId}/refunds", Anonymous: 401, Buyer: 404, OtherBuyer: 404, Owner: 400, OtherSeller: 404, Moderator: 404, Admin: 400, Suspended: 403),
        new("GET", "/api/shops/{shopId}/orders", Anonymous: 401, Buyer: 404, OtherBuyer: 404, Owner: 200, OtherSeller: 404, Moderator: 404, Admin: 200, Suspended: 404),
        new("GET", "/api/shops/{shopId}/orders/{orderId}", Anonymous: 401, Buyer: 404, OtherBuyer: 404, Owner: 200, OtherSeller: 404, Moderator: 404, Admin: 200, Suspended: 404),
        new("GET", "/api/shops/{shopId}/sales", Anonymous: 401, Buyer: 404, OtherBuyer: 404, Owner: 200, OtherSeller: 404, Moderator: 404, Admin: 200, Suspended: 404),
    ];
}
