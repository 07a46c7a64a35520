using Marketplace.Infrastructure.Images;
using Marketplace.Infrastructure.Persistence;
using Marketplace.Infrastructure.Web;
using Marten;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Processing;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Shops;

/// <summary>A shop's logo: re-encoded by us as a 256×256 WebP, so what we serve is never the uploaded bytes.</summary>
public sealed class ShopLogo
{
    public const int Size = 256;
    public const long MaxUploadBytes = 5 * 1024 * 1024;

    public Guid Id { get; set; }
    public byte[] Data { get; set; } = [];
    public string Version { get; set; } = "";

    /// <summary>Decodes an uploaded image within the <see cref="ImageLimits"/> and renders the logo, or says why it cannot.</summary>
    public static async Task<(byte[]? Webp, string? Error)> RenderAsync(Stream upload, UntrustedImages images, CancellationToken ct)
    {
        var (decoded, error) = await images.DecodeAsync(upload, ct);
        if (decoded is null)
        {
            return (null, error);
        }

        using var image = decoded;
        image.Mutate(x => x.AutoOrient().Resize(new ResizeOptions { Size = new Size(Size, Size), Mode = ResizeMode.Crop }));
        image.Metadata.ExifProfile = null;
        using var output = new MemoryStream();
        await image.SaveAsWebpAsync(output, new WebpEncoder { Quality = 85 }, ct);
        return (output.ToArray(), null);
    }
}

[WolverineHandler]
public static class UploadShopLogo
{
    public sealed record Command(Guid ShopId, byte[] Webp);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/{shopId:guid}/logo", PostAsync).DisableAntiforgery().RequireAuthorization(Accounts.Policies.Member)
            .WithName("UploadShopLogo").WithSummary("Replaces the shop's logo (multipart `file`, PNG, JPEG, GIF or WebP up to 5 MB; owner or admin).")
            .Accepts<IFormFile>("multipart/form-data").Produces<ShopView>();
        group.MapGet("/{slug}/logo", GetAsync).WithName("GetShopLogo").WithSummary("The shop's logo as WebP.");
    }

    public static async Task<IResult> PostAsync(
        Guid shopId, IFormFile? file, IQuerySession session, UntrustedImages images, IMessageBus bus, HttpContext http)
    {
        var shop = await ShopAccess.ManagedAsync(session, shopId, http.User, http.RequestAborted);
        if (shop is null || shop.Status == ShopStatus.Closed)
        {
            return ShopProblems.NotFound();
        }

        var (updated, error) = await ExecuteAsync(shop, file, images, bus, http.RequestAborted);
        return updated is not null ? TypedResults.Ok(await ShopView.OfAsync(updated, session, http.RequestAborted))
            : error is not null ? ValidationProblems.Field("file", error)
            : ShopProblems.NotFound();
    }

    /// <summary>Renders the upload (here, outside any transaction) and stores it; the shop, or why the file was refused.</summary>
    public static async Task<(Shop? Shop, string? Error)> ExecuteAsync(Shop shop, IFormFile? file, UntrustedImages images, IMessageBus bus, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return (null, "Choose an image file.");
        }

        if (file.Length > ShopLogo.MaxUploadBytes)
        {
            return (null, "The image is larger than 5 MB.");
        }

        await using var stream = file.OpenReadStream();
        var (webp, error) = await ShopLogo.RenderAsync(stream, images, ct);
        if (webp is null)
        {
            return (null, error);
        }

        var result = await bus.InvokeAsync<UpdateShop.Result>(new Command(shop.Id, webp), ct, UseCases.InvokeTimeout);
        return (result.Shop, null);
    }

    public static async Task<(UpdateShop.Result, OutgoingMessages)> HandleAsync(Command command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var shop = await session.LoadAsync<Shop>(command.ShopId, ct);
        if (shop is null || shop.Status == ShopStatus.Closed)
        {
            return (new UpdateShop.Result(null), []);
        }

        shop.LogoVersion = Guid.NewGuid().ToString("N")[..12];
        shop.UpdatedAt = clock.GetUtcNow();
        session.Store(new ShopLogo { Id = shop.Id, Data = command.Webp, Version = shop.LogoVersion });
        session.Update(shop);
        return (new UpdateShop.Result(shop), [new ShopRenamed(shop.Id)]);
    }

    public static async Task<IResult> GetAsync(string slug, IQuerySession session, HttpContext http)
    {
        var shop = await GetShop.FindAsync(session, slug, http.RequestAborted);
        var logo = shop is null ? null : await session.LoadAsync<ShopLogo>(shop.Id, http.RequestAborted);
        if (logo is null)
        {
            return ShopProblems.NotFound();
        }

        http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return TypedResults.Bytes(logo.Data, "image/webp", entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{logo.Version}\""));
    }
}
