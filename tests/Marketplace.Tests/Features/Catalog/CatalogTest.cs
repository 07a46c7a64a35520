using System.Text.Json;
using Marketplace.Features.Catalog;
using Marketplace.Features.Shops;
using Marketplace.Tests.Features.Payouts;
using Marketplace.Tests.Infrastructure.Files;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Features.Catalog;

/// <summary>What catalog tests share: sellers whose shops can sell, products made through the API.</summary>
public abstract class CatalogTest(AppFixture fixture) : PayoutsTest(fixture)
{
    public sealed record Seller(Member Owner, ShopView Shop);

    /// <summary>A seller whose shop finished onboarding on the Stripe sandbox, so Stripe lets it sell.</summary>
    protected async Task<Seller> SellerReadyToSellAsync(string name = "Glyph Foundry")
    {
        var owner = await MemberAsync("seller");
        var shop = await OpenShopAsync(owner, name: name);
        var link = (await AsUserAsync(owner.Token, s => s.Post.Url($"/api/shops/{shop.Id}/payouts/onboarding")))
            .ReadAsJson<Marketplace.Features.Payouts.StartOnboarding.Response>()!;
        await CompleteOnboardingAsync(link.AccountId);
        await Eventually.ValueAsync(() => PayoutsAsync(owner, shop.Id), s => s.PayoutsEnabled && s.CanPublish);
        return new Seller(owner, shop);
    }

    protected async Task<Seller> SellerAsync(string name = "Glyph Foundry")
    {
        var owner = await MemberAsync("seller");
        return new Seller(owner, await OpenShopAsync(owner, name: name));
    }

    protected static object Fields(string title = "Hand-drawn Icons", long amount = 1500, string? description = "Two hundred icons, drawn by hand.", string[]? tags = null) =>
        new { title, description, price = new { amount, currency = "usd" }, tags = tags ?? ["icons", "svg"] };

    protected async Task<ProductView> CreateProductAsync(Seller seller, object? fields = null)
    {
        var created = await AsUserAsync(seller.Owner.Token, s =>
        {
            s.Post.Json(fields ?? Fields()).ToUrl($"/api/shops/{seller.Shop.Id}/products");
            s.StatusCodeShouldBe(201);
        });
        return created.ReadAsJson<ProductView>()!;
    }

    protected async Task<ProductFileUploads.Uploaded> UploadAsync(Seller seller, Guid productId, byte[] content, string name) =>
        (await AsUserAsync(seller.Owner.Token, s =>
        {
            s.Post.MultipartFormData(Form(content, name)).ToUrl($"/api/products/{productId}/files");
            s.StatusCodeShouldBe(201);
        })).ReadAsJson<ProductFileUploads.Uploaded>()!;

    /// <summary>Uploads a small ZIP to the product.</summary>
    protected Task<ProductFileUploads.Uploaded> AttachFileAsync(Seller seller, Guid productId, string name = "icons.zip") =>
        UploadAsync(seller, productId, HostileFiles.SmallZip(), name);

    protected static MultipartFormDataContent Form(byte[] bytes, string fileName) => new() { { new ByteArrayContent(bytes), "file", fileName } };

    protected async Task<ProductView> PublishAsync(Seller seller, Guid productId)
    {
        var published = await AsUserAsync(seller.Owner.Token, s =>
        {
            s.Post.Url($"/api/products/{productId}/publish");
            s.StatusCodeShouldBe(200);
        });
        return published.ReadAsJson<ProductView>()!;
    }

    /// <summary>A published product of the seller's (a file uploaded, then published through the API).</summary>
    protected async Task<ProductView> PublishedProductAsync(Seller seller, object? fields = null)
    {
        var product = await CreateProductAsync(seller, fields);
        await AttachFileAsync(seller, product.Id);
        return await PublishAsync(seller, product.Id);
    }

    /// <summary>Suspends (or reinstates) the shop as moderation would, and tells the other features.</summary>
    protected async Task SetShopStatusAsync(Guid shopId, ShopStatus status)
    {
        var shop = await QueryAsync(q => q.LoadAsync<Shop>(shopId));
        shop!.Status = status;
        await StoreAsync(shop);
        using var scope = Host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<Wolverine.IMessageBus>().PublishAsync(new ShopStatusChanged(shopId, status, DateTimeOffset.UtcNow));
    }

    protected async Task<JsonElement> SearchAsync(string query)
    {
        var result = await SendAsync(s => s.Get.Url($"/api/products?{query}"));
        return result.ReadAsJson<JsonElement>();
    }

    protected static string[] Titles(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!)];

    /// <summary>The editor's antiforgery token and cookie, as a browser gets them with the page.</summary>
    protected async Task<(string Token, string Cookie)> EditorFormAsync(string? cookie, Guid productId)
    {
        var page = await SendAsync(s => { s.Get.Url($"/shop/products/{productId}"); s.WithRequestHeader("Cookie", cookie!); });
        var html = await page.ReadAsTextAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var antiforgery = page.Context.Response.Headers.SetCookie.ToString().Split(';')[0];
        return (token, $"{cookie}; {antiforgery}");
    }

    protected Task<Alba.IScenarioResult> PostEditorFormAsync(Guid productId, (string Token, string Cookie) form, params (string Name, string Value)[] fields) =>
        PostEditorHandlerAsync(productId, null, form, fields);

    /// <summary>Posts the editor's form to one of its handlers (<c>?handler=</c>), with the token and cookie of <see cref="EditorFormAsync"/>.</summary>
    protected Task<Alba.IScenarioResult> PostEditorHandlerAsync(
        Guid productId, string? handler, (string Token, string Cookie) form, params (string Name, string Value)[] fields) =>
        SendAsync(s =>
        {
            var values = fields.ToDictionary(f => f.Name, f => f.Value);
            values["__RequestVerificationToken"] = form.Token;
            var send = s.Post.FormData(values).ToUrl($"/shop/products/{productId}");
            if (handler is not null)
            {
                send.QueryString("handler", handler);
            }

            s.WithRequestHeader("Cookie", form.Cookie);
            s.IgnoreStatusCode();
        });
}
