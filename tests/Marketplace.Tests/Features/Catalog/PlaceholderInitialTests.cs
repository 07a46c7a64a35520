using Marketplace.Pages.Catalog;

namespace Marketplace.Tests.Features.Catalog;

/// <summary>A placeholder logo or cover shows the name's first character as people see it, never half of one.</summary>
public sealed class PlaceholderInitialTests
{
    [Theory]
    [InlineData("olive Type Co.", "O")]
    [InlineData("  spaced out", "S")]
    [InlineData("😀 Smiles", "😀")]
    [InlineData("👩‍👩‍👧 Family Fonts", "👩‍👩‍👧")] // a ZWJ sequence is one character on screen
    [InlineData("🇫🇷 French Type", "🇫🇷")] // a flag is two regional indicators
    [InlineData("👍🏽 Approved", "👍🏽")] // with its skin tone
    [InlineData("e\u0301cole", "E\u0301")] // a combining accent stays on its letter
    [InlineData("", "?")]
    [InlineData("   ", "?")]
    public void The_initial_is_the_first_whole_grapheme_in_upper_case(string name, string initial) =>
        CatalogPageHelpers.Initial(name).ShouldBe(initial);
}
