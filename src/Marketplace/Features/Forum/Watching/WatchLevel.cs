namespace Marketplace.Features.Forum.Watching;

/// <summary>
/// How closely a member follows a thread or a category (Discourse's levels). Watching: a notification for every new
/// post. Tracking: unread counts, plus mentions and quotes. Normal: mentions and quotes only. Muted: nothing, except
/// that a mention still notifies in a muted category (not in a muted thread).
/// </summary>
public enum WatchLevel
{
    Muted = 0,
    Normal = 1,
    Tracking = 2,
    Watching = 3,
}

public static class WatchLevels
{
    public const string ValidNames = "watching, tracking, normal or muted";

    public static IReadOnlyList<WatchLevel> All { get; } = [WatchLevel.Watching, WatchLevel.Tracking, WatchLevel.Normal, WatchLevel.Muted];

    /// <summary>The level's name in the API and in forms.</summary>
    public static string Name(this WatchLevel level) => level switch
    {
        WatchLevel.Watching => "watching",
        WatchLevel.Tracking => "tracking",
        WatchLevel.Muted => "muted",
        _ => "normal",
    };

    public static bool TryParse(string? name, out WatchLevel level)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name(), name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                level = candidate;
                return true;
            }
        }

        level = WatchLevel.Normal;
        return false;
    }

    public static bool IsName(string? name) => TryParse(name, out _);

    /// <summary>A level set on the thread wins over the category's; with neither, a member follows at <see cref="WatchLevel.Normal"/>.</summary>
    public static WatchLevel Effective(ThreadWatch? thread, CategoryWatch? category) =>
        thread?.Level ?? category?.Level ?? WatchLevel.Normal;
}
