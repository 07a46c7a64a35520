using Marketplace.Infrastructure.Files;

namespace Marketplace.Tests.Infrastructure.Files;

/// <summary>
/// A PDF must open; an encrypted one is accepted with a warning, because its pages cannot be stamped with the buyer's
/// name (the choice is documented in docs/security.md).
/// </summary>
public sealed class PdfInspectionTests : InspectionTest
{
    [Fact]
    public async Task A_pdf_that_opens_is_accepted_with_its_page_count_and_no_warning()
    {
        var accepted = await AcceptedAsync(HostileFiles.Pdf(pages: 3), "guide.pdf");

        accepted.Kind.ShouldBe(FileKind.Pdf);
        accepted.ContentType.ShouldBe("application/pdf");
        accepted.Details.Pages.ShouldBe(3);
        accepted.Details.Encrypted.ShouldBeFalse();
        accepted.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_encrypted_pdf_that_opens_without_a_password_is_accepted_with_the_stamping_warning()
    {
        var accepted = await AcceptedAsync(HostileFiles.RestrictedPdf(), "guide.pdf");

        accepted.Details.Encrypted.ShouldBeTrue();
        accepted.Details.Pages.ShouldBe(2);
        accepted.Warnings.ShouldBe([PdfInspection.EncryptedWarning]);
        accepted.Warnings[0].ShouldContain("cannot be stamped with the buyer's name");
    }

    [Fact]
    public async Task A_pdf_that_needs_a_password_is_accepted_with_a_warning_that_says_so()
    {
        var accepted = await AcceptedAsync(HostileFiles.PasswordPdf(), "guide.pdf");

        accepted.Details.Encrypted.ShouldBeTrue();
        accepted.Details.Pages.ShouldBeNull();
        accepted.Warnings.ShouldBe([PdfInspection.PasswordWarning]);
    }

    [Theory]
    [InlineData("garbage after the header")]
    [InlineData("cut in half")]
    public async Task A_pdf_that_does_not_parse_is_refused_as_damaged(string file)
    {
        var content = file == "cut in half" ? HostileFiles.Pdf(pages: 20)[..1000] : HostileFiles.DamagedPdf();

        (await RefusalAsync(content, "guide.pdf")).ShouldBe(PdfInspection.Damaged);
    }

    [Fact]
    public async Task A_pdf_over_the_pdf_size_cap_is_refused_without_being_opened()
    {
        var message = await RefusalAsync(HostileFiles.Pdf(), "guide.pdf", new FileLimits { MaxPdfBytes = 512 });

        message.ShouldContain("larger than 512 bytes");
    }
}
