namespace Marketplace.Tests.Security;

public static partial class RouteAuthorizationMatrix
{
    private static readonly Row[] Forum =
    [
        new("GET", "/api/forum/categories", Anonymous: 200, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        new("POST", "/api/forum/categories", Anonymous: 401, Buyer: 403, OtherBuyer: 403, Owner: 403, OtherSeller: 403, Moderator: 403, Admin: 400, Suspended: 403),
        new("PUT", "/api/forum/categories/{categoryId}", Anonymous: 401, Buyer: 403, OtherBuyer: 403, Owner: 403, OtherSeller: 403, Moderator: 403, Admin: 400, Suspended: 403),
        new("GET", "/api/forum/categories/{categoryId}/threads", Anonymous: 200, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        new("POST", "/api/forum/categories/{categoryId}/threads", Anonymous: 401, Buyer: 400, OtherBuyer: 400, Owner: 400, OtherSeller: 400, Moderator: 400, Admin: 400, Suspended: 403),
        new("PUT", "/api/forum/categories/{categoryId}/watch", Anonymous: 401, Buyer: 400, OtherBuyer: 400, Owner: 400, OtherSeller: 400, Moderator: 400, Admin: 400, Suspended: 403),
        new("GET", "/api/forum/notifications", Anonymous: 401, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        new("POST", "/api/forum/notifications/read", Anonymous: 401, Buyer: 204, OtherBuyer: 204, Owner: 204, OtherSeller: 204, Moderator: 204, Admin: 204, Suspended: 403),
        new("GET", "/api/forum/notifications/settings", Anonymous: 401, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        new("PUT", "/api/forum/notifications/settings", Anonymous: 401, Buyer: 400, OtherBuyer: 400, Owner: 400, OtherSeller: 400, Moderator: 400, Admin: 400, Suspended: 403),
        // the author (the buyer) and staff edit a post; everyone else 403
        new("PUT", "/api/forum/posts/{postId}", Anonymous: 401, Buyer: 200, OtherBuyer: 403, Owner: 403, OtherSeller: 403, Moderator: 200, Admin: 200, Suspended: 403),
        // 202 for any other member; the author cannot flag their own post (409)
        new("POST", "/api/forum/posts/{postId}/flags", Anonymous: 401, Buyer: 409, OtherBuyer: 202, Owner: 202, OtherSeller: 202, Moderator: 202, Admin: 202, Suspended: 403),
        // any other member likes the world's post (again: no change); its author (the buyer) cannot (409)
        new("POST", "/api/forum/posts/{postId}/like", Anonymous: 401, Buyer: 409, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 403),
        new("DELETE", "/api/forum/posts/{postId}/like", Anonymous: 401, Buyer: 409, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 403),
        new("GET", "/api/forum/posts/{postId}/quote", Anonymous: 200, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        new("POST", "/api/forum/posts/{postId}/votes", Anonymous: 401, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 403),
        new("GET", "/api/forum/search", Anonymous: 400, Buyer: 400, OtherBuyer: 400, Owner: 400, OtherSeller: 400, Moderator: 400, Admin: 400, Suspended: 400),
        new("GET", "/api/forum/threads/{threadId}", Anonymous: 200, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        new("POST", "/api/forum/threads/{threadId}/posts", Anonymous: 401, Buyer: 201, OtherBuyer: 201, Owner: 201, OtherSeller: 201, Moderator: 201, Admin: 201, Suspended: 403),
        new("PUT", "/api/forum/threads/{threadId}/watch", Anonymous: 401, Buyer: 400, OtherBuyer: 400, Owner: 400, OtherSeller: 400, Moderator: 400, Admin: 400, Suspended: 403),
        new("*", "/hubs/forum", Anonymous: 400, Buyer: 400, OtherBuyer: 400, Owner: 400, OtherSeller: 400, Moderator: 400, Admin: 400, Suspended: 400),
        // signed-out readers watch threads live; posting over the hub is checked per call (HubRevocationTests, MemberSuspensionTests)
        new("*", "/hubs/forum/negotiate", Anonymous: 200, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
    ];
}
