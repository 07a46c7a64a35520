using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Marketplace.Features.Shops;
using Marketplace.Infrastructure.Images;
using Marketplace.Infrastructure.Seeding;
using Marketplace.Infrastructure.Storage;
using Marten;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Wolverine;

namespace Marketplace.Features.Catalog;

/// <summary>
/// The demo shop's products, made through the same use cases a seller's edits go through: each with a cover, a ZIP to
/// download, and published when the shop may sell.
/// </summary>
public sealed class CatalogDemoData : IDemoData
{
    private sealed record Demo(string Title, long Price, string[] Tags, float Hue, string Description);

    private static readonly Demo[] Products =
    [
        new("Fjord Sans, a variable font family", 4900, ["fonts", "sans-serif", "variable"], 0.62f,
            "A calm grotesque with a **weight axis from 100 to 900** and true italics.\n\n- OTF, TTF and WOFF2\n- 640 glyphs, Latin Extended\n- Desktop and web licence"),
        new("Harbor Serif webfont kit", 2900, ["fonts", "serif", "webfont"], 0.08f,
            "A sturdy text serif for long reads on screens. WOFF2 files, a CSS file and a specimen page."),
        new("Type specimen poster templates", 1200, ["templates", "print"], 0.85f,
            "Six A2 posters to show off a typeface, as layered files ready for print."),
        new("Kerning practice sheets", 0, ["free", "practice"], 0.33f,
            "Free: twenty printable sheets of tricky pairs to train your eye."),
    ];

    public int Order => 40;

    public async Task<IReadOnlyList<string>> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var session = services.GetRequiredService<IDocumentSession>();
        var shop = await session.Query<Shop>().FirstOrDefaultAsync(s => s.Slug == Payouts.DemoShop.Slug, ct);
        if (shop is null || await session.Query<Product>().AnyAsync(p => p.ShopId == shop.Id, ct))
        {
            return [];
        }

        var bus = services.GetRequiredService<IMessageBus>();
        var published = 0;
        foreach (var demo in Products)
        {
            var fields = new ProductRules.Fields(demo.Title, demo.Description, new ProductRules.Price(demo.Price, null), demo.Tags);
            var product = await bus.InvokeAsync<Product>(new CreateProduct.Command(shop.Id, fields), ct);
            await AddFileAsync(services, bus, product, demo, ct);
            var (cover, _) = await ProductCover.RenderAsync(new MemoryStream(CoverPng(demo.Hue)), services.GetRequiredService<UntrustedImages>(), ct);
            await bus.InvokeAsync<ProductAccess.Outcome>(new SetProductCover.Command(product.Id, cover), ct);
            var result = await bus.InvokeAsync<PublishProduct.Result>(new PublishProduct.Command(product.Id), ct);
            published += result.Published is null ? 0 : 1;
        }

        return [$"  products: {Products.Length} in /shops/{Payouts.DemoShop.Slug}, {published} published"];
    }

    private static async Task AddFileAsync(IServiceProvider services, IMessageBus bus, Product product, Demo demo, CancellationToken ct)
    {
        var zip = Zip(demo);
        var file = new ProductFile
        {
            Id = Guid.CreateVersion7(), Name = $"{product.Slug}.zip", Size = zip.Length, ContentType = "application/zip", Kind = "zip",
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(zip)), BlobKey = $"products/{product.Id:N}/demo.zip",
            UploadedAt = DateTimeOffset.UtcNow,
        };
        await services.GetRequiredService<IBlobStore>().PutAsync(file.BlobKey, new MemoryStream(zip), file.ContentType, ct);
        await bus.InvokeAsync<ProductAccess.Outcome>(new UploadProductFile.Command(product.Id, file), ct);
    }

    private static byte[] Zip(Demo demo)
    {
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var readme = new StreamWriter(archive.CreateEntry("README.txt").Open(), Encoding.UTF8);
            readme.Write($"{demo.Title}\n\nThank you for your purchase from Sam's Type Foundry.\n");
        }

        return output.ToArray();
    }

    /// <summary>A cover drawn without any font: soft bands of one hue, for a demo that looks like a shop.</summary>
    private static byte[] CoverPng(float hue)
    {
        using var image = new Image<Rgba32>(1200, 900);
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var band = ((x + y * 2) / 150 % 4) / 10f;
                image[x, y] = new Rgba32(Hsl(hue, 0.55f, 0.35f + band));
            }
        }

        using var png = new MemoryStream();
        image.SaveAsPng(png);
        return png.ToArray();
    }

    private static System.Numerics.Vector4 Hsl(float h, float s, float l)
    {
        float Channel(float n)
        {
            var k = (n + h * 12) % 12;
            return l - s * Math.Min(l, 1 - l) * Math.Max(-1, Math.Min(k - 3, Math.Min(9 - k, 1)));
        }

        return new(Channel(0), Channel(8), Channel(4), 1);
    }
}
