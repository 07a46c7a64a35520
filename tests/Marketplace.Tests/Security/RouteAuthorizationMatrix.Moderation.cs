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
        new("POST", "/api/moderation/users/{userId}/unsuspend", Anonymous: 401, Buyer: 403, OtherBuyer: 403, Owner: 403, OtherSeller: 403, Moderator: 200, Admin: 200, Suspended: 403),
    ];
}
