using System.Net.Http.Headers;
using Alba;
using Marketplace.Features.Downloads.Watermarking;
using Marketplace.Infrastructure.Files;
using Marketplace.Tests.Features.Downloads.Watermarking.Images;
using Marketplace.Tests.Features.Downloads.Watermarking.Pdfs;
using Marketplace.Tests.Features.Downloads.Watermarking.Zips;
using Marketplace.Tests.Features.Orders;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Features.Downloads.Forensics;

/// <summary>What the trace tests share: copies of a paid order's files marked by the app's own engines, and trace calls.</summary>
public abstract class TraceLeakTest(AppFixture fixture) : RefundsTest(fixture)
{
    protected async Task<(Guid EntitlementId, byte[] Copy)> MarkedAsync(PaidOrder paid, Guid productId, string kind)
    {
        var entitlement = (await EntitlementsOfOrderAsync(paid.Order.Id)).Single(e => e.ProductId == productId);
        var (file, fileKind) = Clean(kind);
        var mark = new LicenseMark(entitlement.Id, paid.Order.Id, "Buyer", paid.Buyer.Email, "Product");
        return (entitlement.Id, await MarkAsync(file, fileKind, mark));
    }

    protected static (byte[] File, FileKind Kind) Clean(string kind)
    {
        using var image = PhotoLikeImages.Make(seed: 41, width: 600, height: 400);
        return kind switch
        {
            "jpeg" => (PhotoLikeImages.Jpeg(image), FileKind.Jpeg),
            "png" => (PhotoLikeImages.Png(image), FileKind.Png),
            "webp" => (PhotoLikeImages.Webp(image), FileKind.Webp),
            "pdf" => (PdfWatermarkTests.Book(3), FileKind.Pdf),
            _ => (ZipWatermarkTests.Archive(dataDescriptors: false), FileKind.Zip),
        };
    }

    /// <summary>A body Alba would not send as it is (a raw multipart, odd part headers), through the test server's client.</summary>
    protected async Task<int> PostAsync(string token, HttpContent content)
    {
        using var client = Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.PostAsync("/api/forensics/trace", content);
        return (int)response.StatusCode;
    }

    protected async Task<byte[]> MarkAsync(byte[] file, FileKind kind, LicenseMark mark)
    {
        using var source = new MemoryStream(file);
        using var copy = new MemoryStream();
        await Host.Services.GetRequiredService<Watermarks>().WatermarkAsync(source, kind, mark, copy, CancellationToken.None);
        return copy.ToArray();
    }

    protected Task<IScenarioResult> TraceAsync(string? token, MultipartFormDataContent form, int? status = null) => TraceAsync(token, s =>
    {
        s.Post.MultipartFormData(form).ToUrl("/api/forensics/trace");
        if (status is { } expected)
        {
            s.StatusCodeShouldBe(expected);
        }
    });

    protected Task<IScenarioResult> TraceAsync(string? token, Action<Scenario> request) => SendAsync(s =>
    {
        if (token is not null)
        {
            s.WithRequestHeader("Authorization", $"Bearer {token}");
        }

        request(s);
        s.IgnoreStatusCode();
    });
}
