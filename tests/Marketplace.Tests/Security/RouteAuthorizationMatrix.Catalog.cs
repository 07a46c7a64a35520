namespace Marketplace.Tests.Security;

public static partial class RouteAuthorizationMatrix
{
    private static readonly Row[] Catalog =
    [
        new("GET", "/api/products", Anonymous: 200, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        new("GET", "/api/products/{productId}", Anonymous: 200, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        new("PUT", "/api/products/{productId}", Anonymous: 401, Buyer: 404, OtherBuyer: 404, Owner: 200, OtherSeller: 404, Moderator: 404, Admin: 200, Suspended: 403),
        new("DELETE", "/api/products/{productId}/cover", Anonymous: 401, Buyer: 404, OtherBuyer: 404, Owner: 200, OtherSeller: 404, Moderator: 404, Admin: 200, Suspended: 403),
        new("POST", "/api/products/{productId}/cover", Anonymous: 401, Buyer: 404, OtherBuyer: 404, Owner: 200, OtherSeller: 404, Moderator: 404, Admin: 200, Suspended: 403),
        new("GET", "/api/products/{productId}/cover/{size}", Anonymous: 404, Buyer: 404, OtherBuyer: 404, Owner: 404, OtherSeller: 404, Moderator: 404, Admin: 404, Suspended: 404),
        new("POST", "/api/products/{productId}/files", Anonymous: 401, Buyer: 404, OtherBuyer: 404, Owner: 201, OtherSeller: 404, Moderator: 404, Admin: 201, Suspended: 403),
        new("PUT", "/api/products/{productId}/files/order", Anonymous: 401, Buyer: 400, OtherBuyer: 400, Owner: 400, OtherSeller: 400, Moderator: 400, Admin: 400, Suspended: 403),
        new("DELETE", "/api/products/{productId}/files/{fileId}", Anonymous: 401, Buyer: 404, OtherBuyer: 404, Owner: 409, OtherSeller: 404, Moderator: 404, Admin: 409, Suspended: 403),
        new("PUT", "/api/products/{productId}/files/{fileId}", Anonymous: 401, Buyer: 404, OtherBuyer: 404, Owner: 200, OtherSeller: 404, Moderator: 404, Admin: 200, Suspended: 403),
        new("PUT", "/api/products/{productId}/files/{fileId}/settings", Anonymous: 401, Buyer: 404, OtherBuyer: 404, Owner: 200, OtherSeller: 404, Moderator: 404, Admin: 200, Suspended: 403),
        new("GET", "/api/products/{productId}/manage", Anonymous: 401, Buyer: 404, OtherBuyer: 404, Owner: 200, OtherSeller: 404, Moderator: 404, Admin: 200, Suspended: 404),
        new("POST", "/api/products/{productId}/publish", Anonymous: 401, Buyer: 404, OtherBuyer: 404, Owner: 200, OtherSeller: 404, Moderator: 404, Admin: 200, Suspended: 403),
        new("POST", "/api/products/{productId}/unpublish", Anonymous: 401, Buyer: 404, OtherBuyer: 404, Owner: 200, OtherSeller: 404, Moderator: 404, Admin: 200, Suspended: 403),
        new("GET", "/api/shops/{shopId}/products", Anonymous: 401, Buyer: 404, OtherBuyer: 404, Owner: 200, OtherSeller: 404, Moderator: 404, Admin: 200, Suspended: 404),
        new("POST", "/api/shops/{shopId}/products", Anonymous: 401, Buyer: 404, OtherBuyer: 404, Owner: 201, OtherSeller: 404, Moderator: 404, Admin: 201, Suspended: 403),
    ];
}
