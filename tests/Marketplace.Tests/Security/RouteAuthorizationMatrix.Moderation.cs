namespace Marketplace.Tests.Security;

public static partial class RouteAuthorizationMatrix
{
    private static readonly Row[] Moderation =
    [
        new("POST", "/api/moderation/posts/{postId}/hide", Anonymous: 401, Buyer: 403, OtherBuyer: 403, Owner: 403, OtherSeller: 403, Moderator: 204, Admin: 204, Suspended: 403),
        new("POST", "/api/moderation/posts/{postId}/restore", Anonymous: 401, Buyer: 403, OtherBuyer: 403, Owner: 403, OtherSeller: 403, Moderator: 204, Admin: 204, Suspended: 403),
        new("POST", "/api/moderation/products/{productId}/restore", Anonymous: 401, Buyer: 403, OtherBuyer: 403, Owner: 403, OtherSeller: 403, Moderator: 200, Admin: 200, Suspended: 403),
        new("POST", "/api/moderation/products/{productId}/takedown", Anonymous: 401, Buyer: 403, OtherBuyer: 403, Owner: 403, OtherSeller: 403, Moderator: 200, Admin: 200, Suspended: 403),
        new("POST", "/api/moderation/threads/{threadId}/lock", Anonymous: 401, Buyer: 403, OtherBuyer: 403, Owner: 403, OtherSeller: 403, Moderator: 204, Admin: 204, Suspended: 403),
        new("POST", "/api/moderation/threads/{threadId}/move", Anonymous: 401, Buyer: 403, OtherBuyer: 403, Owner: 403, OtherSeller: 403, Moderator: 204, Admin: 204, Suspended: 403),
        new("POST", "/api/moderation/threads/{threadId}/pin", Anonymous: 401, Buyer: 403, OtherBuyer: 403, Owner: 403, OtherSeller: 403, Moderator: 204, Admin: 204, Suspended: 403),
        new("POST", "/api/moderation/threads/{threadId}/unlock", Anonymous: 401, Buyer: 403, OtherBuyer: 403, Owner: 403, OtherSeller: 403, Moderator: 204, Admin: 204, Suspended: 403),
        new("POST", "/api/moderation/threads/{threadId}/unpin", Anonymous: 401, Buyer: 403, OtherBuyer: 403, Owner: 403, OtherSeller: 403, Moderator: 204, Admin: 204, Suspended: 403),
        new("POST", "/api/moderation/users/{userId}/suspend", Anonymous: 401, Buyer: 403, OtherBuyer: 403, Owner: 403, OtherSeller: 403, Moderator: 200, Admin: 200, Suspended: 403),
        new("POST", "/api/moderation/users/{userId}/trust", Anonymous: 401, Buyer: 403, OtherBuyer: 403, Owner: 403, OtherSeller: 403, Moderator: 200, Admin: 200, Suspended: 403),
        new("POST", "/api/moderation/users/{userId}/unsuspend", Anonymous: 401, Buyer: 403, OtherBuyer: 403, Owner: 403, OtherSeller: 403, Moderator: 200, Admin: 200, Suspended: 403),
        new("GET", "/api/moderation/queue", Anonymous: 401, Buyer: 403, OtherBuyer: 403, Owner: 403, OtherSeller: 403, Moderator: 200, Admin: 200, Suspended: 403),
        // The world's item is a post nobody flagged: staff find nothing to claim (404), and an empty outcome is a 400.
        new("POST", "/api/moderation/queue/{itemId}/claim", Anonymous: 401, Buyer: 403, OtherBuyer: 403, Owner: 403, OtherSeller: 403, Moderator: 404, Admin: 404, Suspended: 403),
        new("POST", "/api/moderation/queue/{itemId}/resolve", Anonymous: 401, Buyer: 403, OtherBuyer: 403, Owner: 403, OtherSeller: 403, Moderator: 400, Admin: 400, Suspended: 403),
        // Any member may report (an empty body is the validation's 400); a suspended member may not.
        new("POST", "/api/products/{productId}/reports", Anonymous: 401, Buyer: 400, OtherBuyer: 400, Owner: 400, OtherSeller: 400, Moderator: 400, Admin: 400, Suspended: 403),
    ];
}
