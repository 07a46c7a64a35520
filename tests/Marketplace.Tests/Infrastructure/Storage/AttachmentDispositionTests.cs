using Marketplace.Infrastructure.Storage;

namespace Marketplace.Tests.Infrastructure.Storage;

/// <summary>The Content-Disposition of a download names the file exactly for current clients and in ASCII for old ones (RFC 6266).</summary>
public sealed class AttachmentDispositionTests
{
    [Theory]
    [InlineData("menu.pdf", "attachment; filename=menu.pdf; filename*=UTF-8''menu.pdf")]
    [InlineData("Café menu €.pdf", "attachment; filename=\"Caf_ menu _.pdf\"; filename*=UTF-8''Caf%C3%A9%20menu%20%E2%82%AC.pdf")]
    [InlineData("say \"hi\".txt", "attachment; filename=\"say \\\"hi\\\".txt\"; filename*=UTF-8''say%20%22hi%22.txt")]
    [InlineData("two\r\nlines.txt", "attachment; filename=two__lines.txt; filename*=UTF-8''two__lines.txt")]
    public void A_download_is_an_attachment_with_both_file_names(string name, string header) =>
        AttachmentDisposition.For(name).ShouldBe(header);
}
