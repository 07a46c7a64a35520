using System.Net.Http.Headers;
using System.Text.Json;
using Marketplace.Features.Accounts;
using Marketplace.Features.Downloads.Forensics;
using Marketplace.Features.Downloads.Watermarking;
using Marketplace.Features.Downloads.Watermarking.Pdfs;
using Marketplace.Infrastructure.Files;
using Marketplace.Tests.Features.Downloads.Watermarking.Pdfs;
using Marketplace.Tests.Features.Downloads.Watermarking.Zips;
using Marketplace.Tests.Infrastructure.Files;
using PdfSharp.Pdf.IO;

namespace Marketplace.Tests.Features.Downloads.Forensics;

/// <summary>
/// <c>POST /api/forensics/trace</c>: a marked copy of each kind traces to its order and entitlement; moderators see the
/// buyer, the product's seller does not, another seller and a clean file get the same 404, and anyone else is refused
/// before the upload is read. The upload is held to the product files' staging: wrong type, no file, too large,
/// malformed multipart.
/// </summary>
public sealed class TraceLeakTests(AppFixture fixture) : TraceLeakTest(fixture)
{
    public enum Caller
    {
        Anonymous,
        Buyer,
        OtherSeller,
        Seller,
        Moderator,
        Admin,
    }

    [Theory]
    [InlineData(Caller.Anonymous, 401, false)]
    [InlineData(Caller.Buyer, 403, false)]
    [InlineData(Caller.OtherSeller, 404, false)]
    [InlineData(Caller.Seller, 200, false)]
    [InlineData(Caller.Moderator, 200, true)]
    [InlineData(Caller.Admin, 200, true)]
    public async Task Each_caller_traces_as_their_role_allows(Caller caller, int status, bool seesBuyer)
    {
        var paid = await PaidTwoShopOrderAsync();
        var (entitlementId, copy) = await MarkedAsync(paid, paid.Icons, "zip");
        var token = caller switch
        {
            Caller.Anonymous => null,
            Caller.Buyer => paid.Buyer.Token,
            Caller.OtherSeller => paid.Paper.Owner.Token,
            Caller.Seller => paid.Glyphs.Owner.Token,
            Caller.Moderator => (await MemberAsync("moderator", Roles.Moderator)).Token,
            _ => (await MemberAsync("admin", Roles.Admin)).Token,
        };

        var result = await TraceAsync(token, Form(copy, "leak.zip"));

        result.Context.Response.StatusCode.ShouldBe(status);
        if (status == 200)
        {
            var answer = result.ReadAsJson<TraceLeak.Response>()!;
            answer.OrderId.ShouldBe(paid.Order.Id);
            answer.EntitlementId.ShouldBe(entitlementId);
            answer.ProductId.ShouldBe(paid.Icons);
            (answer.Buyer?.Email).ShouldBe(seesBuyer ? paid.Buyer.Email : null);
        }
    }

    [Theory]
    [InlineData("jpeg")]
    [InlineData("png")]
    [InlineData("webp")]
    [InlineData("pdf")]
    [InlineData("zip")]
    public async Task A_marked_copy_of_each_kind_traces_to_its_order_and_entitlement(string kind)
    {
        var paid = await PaidTwoShopOrderAsync();
        var moderator = await MemberAsync("moderator", Roles.Moderator);
        var (entitlementId, copy) = await MarkedAsync(paid, paid.Textures, kind);

        var answer = (await TraceAsync(moderator.Token, Form(copy, $"leak.{kind}"), 200)).ReadAsJson<TraceLeak.Response>()!;

        answer.OrderId.ShouldBe(paid.Order.Id);
        answer.EntitlementId.ShouldBe(entitlementId);
        answer.Buyer!.Id.ShouldBe(paid.Buyer.Id);
        answer.Evidence.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_pdf_stripped_of_its_metadata_still_names_the_order_by_its_stamp_and_only_to_the_seller_of_a_line()
    {
        var paid = await PaidTwoShopOrderAsync();
        var (_, copy) = await MarkedAsync(paid, paid.Textures, "pdf");
        using var document = PdfReader.Open(new MemoryStream(copy), PdfDocumentOpenMode.Modify);
        document.Info.Elements.Remove(PdfWatermarker.EntitlementKey);
        using var stripped = new MemoryStream();
        document.Save(stripped);

        var answer = (await TraceAsync(paid.Paper.Owner.Token, Form(stripped.ToArray(), "leak.pdf"), 200)).ReadAsJson<TraceLeak.Response>()!;

        answer.OrderId.ShouldBe(paid.Order.Id);
        answer.EntitlementId.ShouldBeNull();
        answer.ProductId.ShouldBe(paid.Textures);
        answer.Buyer.ShouldBeNull();
    }

    [Fact]
    public async Task A_clean_file_is_a_404_saying_no_mark_was_found()
    {
        var paid = await PaidTwoShopOrderAsync();

        var result = await TraceAsync(paid.Glyphs.Owner.Token, Form(PdfWatermarkTests.Book(2), "clean.pdf"), 404);

        result.ReadAsJson<JsonElement>().GetProperty("title").GetString().ShouldBe(TraceResult.Clean);
    }

    [Fact]
    public async Task A_mark_naming_no_order_here_is_a_404_saying_so()
    {
        var paid = await PaidTwoShopOrderAsync();
        var moderator = await MemberAsync("moderator", Roles.Moderator);
        var elsewhere = new LicenseMark(Guid.NewGuid(), Guid.NewGuid(), "Someone", "someone@example.com", "Elsewhere");
        var copy = await MarkAsync(ZipWatermarkTests.Archive(dataDescriptors: false), FileKind.Zip, elsewhere);

        var result = await TraceAsync(moderator.Token, Form(copy, "leak.zip"), 404);

        result.ReadAsJson<JsonElement>().GetProperty("title").GetString()!.ShouldContain("names no order");
        paid.Order.Id.ShouldNotBe(elsewhere.OrderId);
    }

    [Fact]
    public async Task Hostile_uploads_are_refused_as_product_files_are_and_a_garbage_file_has_no_mark()
    {
        var moderator = await MemberAsync("moderator", Roles.Moderator);
        var noFile = new MultipartFormDataContent { { new StringContent("x"), "note" } };
        var truncated = new ByteArrayContent("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\nno end"u8.ToArray());
        truncated.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");

        (await TraceAsync(moderator.Token, s => s.Post.Json(new { file = "AAAA" }).ToUrl("/api/forensics/trace"))).Context.Response.StatusCode.ShouldBe(415);
        (await TraceAsync(moderator.Token, noFile)).Context.Response.StatusCode.ShouldBe(400);
        (await PostAsync(moderator.Token, MultipartUpload.File("le\0ak\u0007\u202e.pdf", "%PDF-1.7\0\u0001garbage"u8.ToArray()))).ShouldBe(404);
        (await PostAsync(moderator.Token, truncated)).ShouldBe(400);
        Set<FileLimits, long>(limits => limits.MaxBytes, 1024);
        (await TraceAsync(moderator.Token, Form(new byte[64 * 1024], "huge.zip"))).Context.Response.StatusCode.ShouldBe(413);
    }

    [Fact]
    public async Task Concurrent_traces_of_one_file_all_answer_the_same_order_or_ask_to_wait()
    {
        var paid = await PaidTwoShopOrderAsync();
        var (_, copy) = await MarkedAsync(paid, paid.Icons, "zip");

        var statuses = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ => (await TraceAsync(paid.Glyphs.Owner.Token, Form(copy, "leak.zip"))).Context.Response.StatusCode));

        statuses.ShouldContain(200);
        statuses.ShouldAllBe(status => status == 200 || status == 429);
    }
}
