using Marketplace.Infrastructure.Validation;

namespace Marketplace.Tests.Security;

public sealed class TextCharactersTests
{
    [Theory]
    [InlineData("nul \0")]
    [InlineData("escape \u001b[31m")]
    [InlineData("delete \u007f")]
    [InlineData("next line \u0085")]
    [InlineData("non-character \ufffe")]
    [InlineData("non-character \uffff")]
    public void Control_characters_and_broken_unicode_are_refused_in_any_text(string text)
    {
        TextCharacters.Problem(text, multiLine: true).ShouldNotBeNull();
        TextCharacters.Problem(text, multiLine: false).ShouldNotBeNull();
    }

    [Fact]
    public void Lone_surrogates_are_refused_but_a_surrogate_pair_is_accepted()
    {
        // Built here: xUnit would turn a lone surrogate in [InlineData] into U+FFFD on its way to the test.
        TextCharacters.Problem($"lone high {(char)0xD800} surrogate", multiLine: true).ShouldNotBeNull();
        TextCharacters.Problem($"lone low {(char)0xDC00} surrogate", multiLine: true).ShouldNotBeNull();
        TextCharacters.Problem($"high at the end {(char)0xD800}", multiLine: true).ShouldNotBeNull();
        TextCharacters.Problem($"a pair {(char)0xD83C}{(char)0xDFA8}", multiLine: false).ShouldBeNull();
    }

    [Theory]
    [InlineData("tab\there")]
    [InlineData("line\nbreak")]
    [InlineData("windows\r\nbreak")]
    public void Tabs_and_line_breaks_are_allowed_only_in_multi_line_text(string text)
    {
        TextCharacters.Problem(text, multiLine: true).ShouldBeNull();
        TextCharacters.Problem(text, multiLine: false).ShouldNotBeNull();
    }

    [Theory]
    [InlineData("Crème brûlée, 東京, emoji 🎨 and a zero\u200bwidth space")]
    [InlineData("")]
    public void Ordinary_text_in_any_script_with_emoji_is_accepted(string text) =>
        TextCharacters.Problem(text, multiLine: false).ShouldBeNull();

    private sealed record Line(string Reason);

    private sealed record Nested(string Title, IReadOnlyList<Line> Lines, IReadOnlyDictionary<string, string> Tags);

    [Fact]
    public void Strings_in_nested_records_lists_and_dictionaries_are_found_and_named_by_their_path()
    {
        var request = new Nested("ok", [new Line("fine\nreason"), new Line("bad\0reason")], new Dictionary<string, string> { ["colour"] = "red\u0001" });

        var problems = RequestText.Problems(request).Select(p => p.Field).ToList();

        problems.ShouldBe(["Lines[1].Reason", "Tags[colour]"], ignoreOrder: true);
    }
}
