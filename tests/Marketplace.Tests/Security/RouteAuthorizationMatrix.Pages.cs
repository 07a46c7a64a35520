namespace Marketplace.Tests.Security;

public static partial class RouteAuthorizationMatrix
{
    private static readonly Row[] Pages =
    [
        new("GET", "/", Anonymous: 200, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        new("GET", "/Error/{status}", Anonymous: 404, Buyer: 404, OtherBuyer: 404, Owner: 404, OtherSeller: 404, Moderator: 404, Admin: 404, Suspended: 404),
        new("GET", "/account", Anonymous: 302, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        new("GET", "/account/confirm-email", Anonymous: 200, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        new("GET", "/account/forgot-password", Anonymous: 200, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        new("GET", "/account/login", Anonymous: 200, Buyer: 302, OtherBuyer: 302, Owner: 302, OtherSeller: 302, Moderator: 302, Admin: 302, Suspended: 302),
        new("GET", "/account/login-2fa", Anonymous: 302, Buyer: 302, OtherBuyer: 302, Owner: 302, OtherSeller: 302, Moderator: 302, Admin: 302, Suspended: 302),
        new("GET", "/account/logout", Anonymous: 302, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        new("GET", "/account/register", Anonymous: 200, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        new("GET", "/account/resend-confirmation", Anonymous: 200, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        new("GET", "/account/reset-password", Anonymous: 200, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        new("GET", "/admin", Anonymous: 302, Buyer: 302, OtherBuyer: 302, Owner: 302, OtherSeller: 302, Moderator: 302, Admin: 200, Suspended: 302),
        new("GET", "/admin/dead-letters", Anonymous: 302, Buyer: 302, OtherBuyer: 302, Owner: 302, OtherSeller: 302, Moderator: 302, Admin: 200, Suspended: 302),
        new("GET", "/admin/audit", Anonymous: 302, Buyer: 302, OtherBuyer: 302, Owner: 302, OtherSeller: 302, Moderator: 302, Admin: 200, Suspended: 302),
        new("GET", "/admin/shops", Anonymous: 302, Buyer: 302, OtherBuyer: 302, Owner: 302, OtherSeller: 302, Moderator: 302, Admin: 200, Suspended: 302),
        new("GET", "/moderation", Anonymous: 302, Buyer: 302, OtherBuyer: 302, Owner: 302, OtherSeller: 302, Moderator: 200, Admin: 200, Suspended: 302),
        // Sellers trace leaks of their own products (the API answers only for those); members without a shop are refused.
        new("GET", "/moderation/trace", Anonymous: 302, Buyer: 302, OtherBuyer: 302, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 302),
        // Reading the flag form is open to members; a suspended member's post of it is refused by SuspensionCheck.
        // Form posts only: a GET goes back to the post (members), or to sign in.
        new("GET", "/forum/posts/{postId}/like", Anonymous: 302, Buyer: 302, OtherBuyer: 302, Owner: 302, OtherSeller: 302, Moderator: 302, Admin: 302, Suspended: 302),
        new("GET", "/forum/posts/{postId}/flag", Anonymous: 302, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        new("GET", "/admin/forum", Anonymous: 302, Buyer: 302, OtherBuyer: 302, Owner: 302, OtherSeller: 302, Moderator: 302, Admin: 200, Suspended: 302),
        new("GET", "/admin/orders", Anonymous: 302, Buyer: 302, OtherBuyer: 302, Owner: 302, OtherSeller: 302, Moderator: 302, Admin: 200, Suspended: 302),
        new("GET", "/admin/users", Anonymous: 302, Buyer: 302, OtherBuyer: 302, Owner: 302, OtherSeller: 302, Moderator: 302, Admin: 200, Suspended: 302),
        new("GET", "/admin/webhooks", Anonymous: 302, Buyer: 302, OtherBuyer: 302, Owner: 302, OtherSeller: 302, Moderator: 302, Admin: 200, Suspended: 302),
        new("GET", "/cart/{handler?}", Anonymous: 302, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        new("GET", "/contact", Anonymous: 200, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        new("GET", "/forum", Anonymous: 200, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        new("GET", "/forum/notifications", Anonymous: 302, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        new("GET", "/forum/search", Anonymous: 200, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        new("GET", "/forum/threads/{threadId}", Anonymous: 200, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        new("GET", "/forum/threads/{threadId}/actions", Anonymous: 302, Buyer: 302, OtherBuyer: 302, Owner: 302, OtherSeller: 302, Moderator: 302, Admin: 302, Suspended: 302),
        new("GET", "/forum/{category}", Anonymous: 200, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        new("GET", "/library", Anonymous: 302, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        new("GET", "/members/{handle}", Anonymous: 200, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        new("GET", "/orders", Anonymous: 302, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        new("GET", "/orders/{orderId}", Anonymous: 302, Buyer: 200, OtherBuyer: 404, Owner: 404, OtherSeller: 404, Moderator: 404, Admin: 404, Suspended: 404),
        // the refund page: the order's seller and admins
        new("GET", "/orders/{orderId}/refund", Anonymous: 302, Buyer: 404, OtherBuyer: 404, Owner: 200, OtherSeller: 404, Moderator: 404, Admin: 200, Suspended: 404),
        new("GET", "/products", Anonymous: 200, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
        // the shop's slug is not the product's: a redirect to the canonical address, for everyone
        new("GET", "/products/{productId}/{slug?}", Anonymous: 301, Buyer: 301, OtherBuyer: 301, Owner: 301, OtherSeller: 301, Moderator: 301, Admin: 301, Suspended: 301),
        new("GET", "/shop/orders", Anonymous: 302, Buyer: 302, OtherBuyer: 302, Owner: 200, OtherSeller: 200, Moderator: 302, Admin: 302, Suspended: 302),
        new("GET", "/shop/orders/{orderId}", Anonymous: 302, Buyer: 302, OtherBuyer: 302, Owner: 200, OtherSeller: 404, Moderator: 302, Admin: 302, Suspended: 302),
        new("GET", "/shop/payouts/{handler?}", Anonymous: 302, Buyer: 302, OtherBuyer: 302, Owner: 200, OtherSeller: 200, Moderator: 302, Admin: 302, Suspended: 302),
        new("GET", "/shop/products", Anonymous: 302, Buyer: 302, OtherBuyer: 302, Owner: 200, OtherSeller: 200, Moderator: 302, Admin: 302, Suspended: 302),
        new("GET", "/shop/products/{id}", Anonymous: 302, Buyer: 302, OtherBuyer: 302, Owner: 200, OtherSeller: 404, Moderator: 302, Admin: 302, Suspended: 302),
        new("GET", "/shop/sales", Anonymous: 302, Buyer: 302, OtherBuyer: 302, Owner: 200, OtherSeller: 200, Moderator: 302, Admin: 302, Suspended: 302),
        new("GET", "/shop/settings", Anonymous: 302, Buyer: 302, OtherBuyer: 302, Owner: 200, OtherSeller: 200, Moderator: 302, Admin: 302, Suspended: 302),
        // sellers already have a shop: sent to it
        new("GET", "/shops/open", Anonymous: 302, Buyer: 200, OtherBuyer: 200, Owner: 302, OtherSeller: 302, Moderator: 200, Admin: 200, Suspended: 200),
        new("GET", "/shops/{slug}", Anonymous: 200, Buyer: 200, OtherBuyer: 200, Owner: 200, OtherSeller: 200, Moderator: 200, Admin: 200, Suspended: 200),
    ];
}
