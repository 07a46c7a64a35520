using System.Globalization;

namespace Marketplace.Infrastructure.Validation;

/// <summary>
/// The characters no text we accept may hold: C0 controls (tab, line feed and carriage return are allowed in
/// multi-line text), DEL, C1 controls, lone surrogates and the non-characters U+FFFE and U+FFFF. PostgreSQL refuses
/// some of them outright (NUL), and none of them is anything a person meant to type.
/// </summary>
public static class TextCharacters
{
    /// <summary>Why <paramref name="text"/> is refused, or null when every character in it is acceptable.</summary>
    public static string? Problem(string? text, bool multiLine)
    {
        if (text is null)
        {
            return null;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (IsRefused(c, multiLine))
            {
                var code = ((int)c).ToString("X4", CultureInfo.InvariantCulture);
                return $"Remove the invisible control character U+{code} (character {i + 1}); it cannot be stored.";
            }
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="c"/> is refused on its own. Every surrogate is: check for a whole pair first, as
    /// <see cref="Problem"/> does.
    /// </summary>
    public static bool IsRefused(char c, bool multiLine) =>
        c is '\t' or '\n' or '\r' ? !multiLine
        : c < 0x20 || (c >= 0x7F && c <= 0x9F) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF';
}
