using Marketplace.Infrastructure.Files;

namespace Marketplace.Tests.Infrastructure.Files;

public sealed class UploadNamesTests
{
    [Theory]
    [InlineData(null, "upload")]
    [InlineData("   ", "upload")]
    [InlineData("/var/www/../shell.php", "shell.php")]
    [InlineData("a\\b\\c.txt", "c.txt")]
    [InlineData("line\r\nbreak.pdf", "linebreak.pdf")]
    [InlineData("zero\u200Bwidth\u202Eevil.pdf", "zerowidthevil.pdf")]
    [InlineData("trailing dots. . .", "trailing dots")]
    [InlineData("e\u0301lan.pdf", "\u00E9lan.pdf")]
    [InlineData("👩‍🎨 art pack.zip", "👩🎨 art pack.zip")]
    public void A_name_keeps_its_last_part_without_control_or_invisible_characters_in_NFC(string? name, string sanitized)
    {
        UploadNames.Sanitize(name).ShouldBe(sanitized);
    }

    [Fact]
    public void A_long_name_is_cut_keeping_its_extension()
    {
        var sanitized = UploadNames.Sanitize(new string('a', 500) + ".pdf");

        sanitized.Length.ShouldBe(UploadNames.MaxLength);
        sanitized.ShouldEndWith("a.pdf");
    }

    [Fact]
    public void A_long_name_is_never_cut_inside_a_surrogate_pair()
    {
        var sanitized = UploadNames.Sanitize(new string('a', UploadNames.MaxLength - 5) + string.Concat(Enumerable.Repeat("😀", 10)) + ".zip");

        sanitized.ShouldEndWith(".zip");
        char.IsHighSurrogate(sanitized[^5]).ShouldBeFalse();
    }
}
