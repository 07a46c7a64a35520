using System.Security.Claims;
using Marketplace.Features.Accounts;

namespace Marketplace.Pages.Shared;

/// <summary>
/// The site's navigation in one place. An entry with a role shows only to people in that role, one with an audience
/// only to signed-in or signed-out people (a moderator's entry shows to admins too, as the moderator policy allows
/// them); features add their entries here as they arrive (catalog, forum, selling, moderation).
/// </summary>
public static class Navigation
{
    public enum Audience
    {
        Everyone,
        SignedOut,
        SignedIn,
    }

    /// <summary>An entry; <paramref name="Role"/> is the role that sees it (an entry for moderators shows to admins too).</summary>
    public sealed record Item(string Title, string Path, string? Role = null, Audience Audience = Audience.Everyone);

    public static readonly IReadOnlyList<Item> Main =
    [
        new("Discover", "/"),
        new("Products", "/products"),
        new("Forum", "/forum"),
        new("Sell", "/shops/open"),
        new("Contact", "/contact"),
        new("Moderation", "/moderation", Roles.Moderator),
        new("Trace a leak", "/moderation/trace", Roles.Moderator),
        new("Admin", "/admin", Roles.Admin),
    ];

    /// <summary>The admin pages, in the navigation every one of them shows (<c>Pages/Admin/_AdminNav.cshtml</c>).</summary>
    public static readonly IReadOnlyList<Item> Admin =
    [
        new("Dashboard", "/admin", Roles.Admin),
        new("Users", "/admin/users", Roles.Admin),
        new("Shops", "/admin/shops", Roles.Admin),
        new("Orders", "/admin/orders", Roles.Admin),
        new("Webhooks", "/admin/webhooks", Roles.Admin),
        new("Dead letters", "/admin/dead-letters", Roles.Admin),
        new("Fees", "/admin/fees", Roles.Admin),
        new("Audit log", "/admin/audit", Roles.Admin),
        new("Forum categories", "/admin/forum", Roles.Admin),
    ];

    /// <summary>After the main entries. Signed in, the layout adds the account (under the display name) and "Sign out".</summary>
    public static readonly IReadOnlyList<Item> Account =
    [
        new("Cart", "/cart", Audience: Audience.SignedIn),
        new("Orders", "/orders", Audience: Audience.SignedIn),
        new("Library", "/library", Audience: Audience.SignedIn),
        new("Sign in", "/account/login", Audience: Audience.SignedOut),
        new("Sign up", "/account/register", Audience: Audience.SignedOut),
    ];

    public static IEnumerable<Item> VisibleTo(ClaimsPrincipal user) => VisibleTo(Main, user);

    public static IEnumerable<Item> VisibleTo(IEnumerable<Item> items, ClaimsPrincipal user)
    {
        var signedIn = IsSignedIn(user);
        return items.Where(item => InRole(user, item.Role) && item.Audience switch
        {
            Audience.SignedIn => signedIn,
            Audience.SignedOut => !signedIn,
            _ => true,
        });
    }

    private static bool InRole(ClaimsPrincipal user, string? role) =>
        role is null || user.IsInRole(role) || (role == Roles.Moderator && user.IsInRole(Roles.Admin));

    public static bool IsSignedIn(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true;

    /// <summary>The name the signed-in person goes by, from their sign-in; their email when it has none.</summary>
    public static string DisplayName(ClaimsPrincipal user) =>
        user.FindFirstValue(AccountClaimsFactory.DisplayNameClaim) is { Length: > 0 } name ? name : user.Identity?.Name ?? "Your account";

    public static bool IsCurrent(Item item, string currentPath) => IsCurrent(item.Path, currentPath);

    public static bool IsCurrent(string itemPath, string currentPath) =>
        itemPath == "/" ? currentPath == "/" : new PathString(currentPath).StartsWithSegments(itemPath, StringComparison.OrdinalIgnoreCase);
}
