using System.Globalization;
using System.Text;
using FluentValidation;

namespace Marketplace.Infrastructure.Text;

/// <summary>
/// What a name other people see (a member's display name, a shop's name) may be: readable as written. No control,
/// format (bidi overrides, zero-width characters) or private-use characters, no pile of combining marks, at least two
/// visible characters, and no word that would pass it off as the marketplace's staff. Names are stored in Unicode
/// normalization form C (<see cref="Normalize"/>), so two names that look the same are the same.
/// </summary>
public static class PublicNames
{
    private const int MaxCombiningRun = 2;

    /// <summary>Words that read as the marketplace speaking: refused anywhere in a name, whatever the case or accents.</summary>
    public static readonly IReadOnlySet<string> StaffWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "admin", "admins", "administrator", "administrators", "moderator", "moderators", "mod", "mods", "staff",
        "official", "marketplace", "sysop",
    };

    public static string Normalize(string name) => name.Trim().Normalize(NormalizationForm.FormC);

    /// <remarks>A missing name (<c>{}</c> as the body) is the required rule's to report: these rules pass it, not throw.</remarks>
    public static IRuleBuilderOptions<T, string> PublicName<T>(this IRuleBuilder<T, string> rule, string what) =>
        rule.Must(name => name is null || !HasHiddenCharacter(name)).WithMessage($"{what} cannot contain control, formatting or invisible characters.")
            .Must(name => name is null || LongestCombiningRun(name) <= MaxCombiningRun).WithMessage($"{what} has too many accents on one letter.")
            .Must(name => name is null || VisibleLength(name) >= 2).WithMessage($"{what} needs at least 2 visible characters.")
            .Must(name => name is null || !Words(name).Any(StaffWords.Contains)).WithMessage($"{what} cannot suggest that it speaks for the marketplace's staff.");

    /// <summary>
    /// Any character that shows nothing or reorders what follows, but for the zero-width joiner inside an emoji
    /// sequence (👩‍👩‍👧), where it joins two pictographs.
    /// </summary>
    private static bool HasHiddenCharacter(string name)
    {
        for (var i = 0; i < name.Length; i++)
        {
            var joinsEmoji = name[i] == '\u200D' && i > 0 && i < name.Length - 1
                && (char.IsLowSurrogate(name[i - 1]) || name[i - 1] == '\uFE0F') && char.IsHighSurrogate(name[i + 1]);
            if (IsHidden(name[i]) && !joinsEmoji)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A character that shows nothing or reorders what follows. Emoji (surrogate pairs) are visible.</summary>
    private static bool IsHidden(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
        || c is '\u115F' or '\u1160' or '\u3164' or '\uFFA0' or '\u2800'; // Hangul fillers, the blank Braille pattern

    private static int VisibleLength(string name) =>
        name.Normalize(NormalizationForm.FormC).Count(c => !char.IsWhiteSpace(c) && !IsMark(c) && !IsHidden(c));

    private static int LongestCombiningRun(string name)
    {
        int longest = 0, run = 0;
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            run = IsMark(c) ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    private static bool IsMark(char c) => char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark;

    /// <summary>The name's words folded for comparison: compatibility forms unified, accents dropped, lower case.</summary>
    private static IEnumerable<string> Words(string name)
    {
        var folded = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormKD))
        {
            if (!IsMark(c))
            {
                folded.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
            }
        }

        return folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
