using System.Security.Claims;

namespace Marketplace.Pages.Shared;

/// <summary>
/// The site's navigation in one place. An entry with a role shows only to people in that role; features add their
/// entries here as they arrive (catalog, forum, selling, moderation).
/// </summary>
public static class Navigation
{
    public sealed record Item(string Title, string Path, string? Role = null);

    public static readonly IReadOnlyList<Item> Main =
    [
        new("Discover", "/"),
        new("Contact", "/contact"),
        new("API", "/scalar"),
    ];

    public static IEnumerable<Item> VisibleTo(ClaimsPrincipal user) =>
        Main.Where(item => item.Role is null || user.IsInRole(item.Role));

    public static bool IsCurrent(Item item, string currentPath) =>
        item.Path == "/" ? currentPath == "/" : currentPath.StartsWith(item.Path, StringComparison.OrdinalIgnoreCase);
}
