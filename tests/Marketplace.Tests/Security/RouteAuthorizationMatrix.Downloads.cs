namespace Marketplace.Tests.Security;

public static partial class RouteAuthorizationMatrix
{
    private static readonly Row[] Downloads =
    [
        // sellers and moderators get past the door (404: no mark of their products in the file); buyers 403
        new("POST", "/api/forensics/trace", Anonymous: 401, Buyer: 403, OtherBuyer: 403, Owner: 404, OtherSeller: 404, Moderator: 404, Admin: 404, Suspended: 403),
        new("GET", "/api/library", Anonymous: 401, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        new("POST", "/api/library/{entitlementId}/files/{fileId}/link", Anonymous: 401, Buyer: 200, OtherBuyer: 404, Owner: 404, OtherSeller: 404, Moderator: 404, Admin: 404, Suspended: 404),
        // a download link without its signature: refused to everyone
        new("GET", "/downloads/{entitlement}/{file}", Anonymous: 403, Buyer: 403, OtherBuyer: 403, Owner: 403, OtherSeller: 403, Moderator: 403, Admin: 403, Suspended: 403),
    ];
}
