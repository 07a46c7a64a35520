namespace Marketplace.Infrastructure.Files;

/// <summary>
/// The names and types an archive entry may have so that unpacking it anywhere (a buyer's unzip, Windows Explorer,
/// a script) writes inside the folder it was unpacked into: no <c>..</c> segment, no absolute path or drive letter,
/// no control character, no symbolic link. A backslash is read as the separator Windows tools take it for, so
/// <c>..\</c> is caught as well as <c>../</c>.
/// </summary>
public static class ArchiveNames
{
    private const int ShownLength = 80;

    /// <summary>Why the entry name is refused, or null when it stays inside the folder it is unpacked into.</summary>
    public static string? Refusal(string name)
    {
        if (name.Length == 0)
        {
            return "The archive holds a file without a name; make it again and retry.";
        }

        if (name.Any(IsControl))
        {
            return $"The archive holds a file whose name has control characters ({Shown(name)}); rename it and retry.";
        }

        var path = name.Replace('\\', '/');
        var drive = path.Length >= 2 && path[1] == ':' && char.IsAsciiLetter(path[0]);
        if (path.StartsWith('/') || drive)
        {
            return $"The archive holds a file with an absolute path ({Shown(name)}); archive it with paths relative to its folder.";
        }

        return path.Split('/').Contains("..")
            ? $"The archive holds a path that climbs out of its folder ({Shown(name)}); archive it with paths inside its folder."
            : null;
    }

    /// <summary>Whether the entry's Unix mode (the upper half of its external attributes) says symbolic link.</summary>
    public static bool IsLink(uint externalAttributes) => ((externalAttributes >> 16) & 0xF000) == 0xA000;

    /// <summary>The name as it may be put in a message: control characters replaced, cut to a readable length.</summary>
    public static string Shown(string name)
    {
        var shown = new string([.. name.Select(c => IsControl(c) ? '?' : c)]);
        return shown.Length <= ShownLength ? shown : string.Concat(shown.AsSpan(0, ShownLength - 1), "…");
    }

    private static bool IsControl(char c) => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format;
}
