namespace Marketplace.Tests.Security;

public static partial class RouteAuthorizationMatrix
{
    private static readonly Row[] Platform =
    [
        new("POST", "/api/platform/contact", Anonymous: 400, Buyer: 400, OtherBuyer: 400, Owner: 400, OtherSeller: 400, Moderator: 400, Admin: 400, Suspended: 400),
        new("GET", "/api/platform/settings", Anonymous: 200, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        // unsigned: 400 for everyone; authenticated by Stripe's signature, not by a member
        new("POST", "/api/webhooks/stripe", Anonymous: 400, Buyer: 400, OtherBuyer: 400, Owner: 400, OtherSeller: 400, Moderator: 400, Admin: 400, Suspended: 403),
        new("*", "/health/live", Anonymous: 200, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        new("*", "/health/ready", Anonymous: 200, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        new("GET", "/openapi/{documentName}.json", Anonymous: 200, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        new("GET", "/scalar/favicon.svg", Anonymous: 200, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        new("GET", "/scalar/scalar.aspnetcore.js", Anonymous: 200, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        new("GET", "/scalar/scalar.js", Anonymous: 200, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        new("GET", "/scalar/{documentName?}", Anonymous: 200, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
    ];
}
