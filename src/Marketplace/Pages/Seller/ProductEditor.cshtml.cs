using FluentValidation;
using Marketplace.Features.Accounts;
using Marketplace.Features.Catalog;
using Marketplace.Features.Shops;
using Marketplace.Infrastructure.Images;
using Marketplace.Infrastructure.Persistence;
using Marketplace.Pages.Shared;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Marketplace.Pages.Seller;

/// <summary>The seller's product editor: details, cover, files (uploaded by the page's script through the API) and publishing.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class ProductEditorModel(IQuerySession session, IMessageBus bus, IValidator<ProductRules.Fields> validator) : PageModel
{
    [BindProperty]
    public ProductInput Input { get; set; } = new();

    public Shop Shop { get; private set; } = null!;
    public ProductView? Product { get; private set; }
    public IReadOnlyDictionary<string, string> Missing { get; private set; } = new Dictionary<string, string>();
    public bool IsNew => Product is null;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } redirect)
        {
            return redirect;
        }

        Input = Product is { } p ? ProductInput.Of(p) : new ProductInput();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } redirect)
        {
            return redirect;
        }

        var fields = Input.ToFields();
        if (fields is null || !await ModelState.ValidateAsync(validator, fields, nameof(Input), ct))
        {
            if (fields is null)
            {
                ModelState.AddModelError("Input.Price", "Write the price as a number, such as 12 or 4.99 (0 for free).");
            }

            return Page();
        }

        if (Product is null)
        {
            var created = await bus.InvokeAsync<Product>(new CreateProduct.Command(Shop.Id, fields), ct, UseCases.InvokeTimeout);
            TempData.Flash("Product created. Add its files and a cover, then publish it.");
            return Redirect($"/shop/products/{created.Id}");
        }

        await bus.InvokeAsync<ProductAccess.Outcome>(new UpdateProduct.Command(Product.Id, fields), ct, UseCases.InvokeTimeout);
        TempData.Flash("Product saved.");
        return Redirect($"/shop/products/{Product.Id}");
    }

    public async Task<IActionResult> OnPostPublishAsync(string id, CancellationToken ct)
    {
        if (await LoadExistingAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        var result = await bus.InvokeAsync<PublishProduct.Result>(new PublishProduct.Command(Product!.Id), ct, UseCases.InvokeTimeout);
        TempData.Flash(result.Message);
        return Redirect($"/shop/products/{Product!.Id}");
    }

    public async Task<IActionResult> OnPostUnpublishAsync(string id, CancellationToken ct)
    {
        if (await LoadExistingAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        await bus.InvokeAsync<ProductAccess.Outcome>(new UnpublishProduct.Command(Product!.Id), ct, UseCases.InvokeTimeout);
        TempData.Flash("Unpublished: the product left the catalog. Buyers keep what they bought.");
        return Redirect($"/shop/products/{Product!.Id}");
    }

    public async Task<IActionResult> OnPostCoverAsync(string id, IFormFile? cover, [FromServices] UntrustedImages images, CancellationToken ct)
    {
        if (await LoadExistingAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        string? error = cover is null || cover.Length == 0 ? "Choose an image file." : cover.Length > ProductCover.MaxUploadBytes ? "The image is larger than 10 MB." : null;
        if (error is null)
        {
            await using var stream = cover!.OpenReadStream();
            var (rendered, imageError) = await ProductCover.RenderAsync(stream, images, ct);
            error = imageError;
            if (rendered is not null)
            {
                await bus.InvokeAsync<ProductAccess.Outcome>(new SetProductCover.Command(Product!.Id, rendered), ct, UseCases.InvokeTimeout);
                TempData.Flash("Cover updated.");
                return Redirect($"/shop/products/{Product!.Id}");
            }
        }

        ModelState.AddModelError("cover", error!);
        Input = ProductInput.Of(Product!);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteFileAsync(string id, Guid fileId, CancellationToken ct)
    {
        if (await LoadExistingAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        var outcome = await DeleteProductFile.ExecuteAsync(new DeleteProductFile.Command(Product!.Id, fileId), bus, ct);
        TempData.Flash(outcome == DeleteProductFile.Outcome.LastFileOfPublished
            ? "A published product keeps at least one file: upload its replacement first, or unpublish it."
            : "File removed.");
        return Redirect($"/shop/products/{Product!.Id}#files");
    }

    /// <summary>The seller's consent to unmarked copies of a file that cannot be stamped (<see cref="SetProductFileSettings"/>).</summary>
    public async Task<IActionResult> OnPostFileSettingsAsync(string id, Guid fileId, bool allowUnmarkedCopies, CancellationToken ct)
    {
        if (await LoadExistingAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        var outcome = await bus.InvokeAsync<ProductAccess.Outcome>(new SetProductFileSettings.Command(Product!.Id, fileId, allowUnmarkedCopies), ct, UseCases.InvokeTimeout);
        TempData.Flash(outcome.Managed is null ? "That file is no longer there." : allowUnmarkedCopies
            ? "Buyers get this file unmarked when it cannot be stamped."
            : "This file is served only as a marked copy: if it cannot be marked, buyers cannot download it.");
        return Redirect($"/shop/products/{Product!.Id}#files");
    }

    public async Task<IActionResult> OnPostMoveFileAsync(string id, Guid fileId, int by, CancellationToken ct)
    {
        if (await LoadExistingAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        var ids = Product!.Files.Select(f => f.Id).ToList();
        var from = ids.IndexOf(fileId);
        var to = from + Math.Sign(by);
        if (from >= 0 && to >= 0 && to < ids.Count)
        {
            (ids[from], ids[to]) = (ids[to], ids[from]);
            await bus.InvokeAsync<ProductAccess.Outcome>(new ReorderProductFiles.Command(Product!.Id, ids), ct, UseCases.InvokeTimeout);
        }

        return Redirect($"/shop/products/{Product!.Id}#files");
    }

    /// <summary>As <see cref="LoadAsync"/>, for the actions on an existing product only.</summary>
    private async Task<IActionResult?> LoadExistingAsync(string id, CancellationToken ct) =>
        await LoadAsync(id, ct) ?? (Product is null ? NotFound() : null);

    /// <summary>The seller's shop and, unless new, their product; a redirect when there is nothing of theirs to edit.</summary>
    private async Task<IActionResult?> LoadAsync(string id, CancellationToken ct)
    {
        if (await ShopAccess.OwnedByAsync(session, Members.IdOf(User)!.Value, ct) is not { Status: not ShopStatus.Closed } shop)
        {
            return RedirectToPage("/Shops/Open");
        }

        Shop = shop;
        if (id == "new")
        {
            return null;
        }

        if (!Guid.TryParse(id, out var productId) || await ProductAccess.ManagedAsync(session, productId, User, ct) is not { } managed
            || managed.Shop.Id != shop.Id)
        {
            return NotFound();
        }

        Missing = await ProductPublishing.MissingAsync(session, managed.Product, managed.Shop, ct);
        Product = ProductView.ForSeller(managed.Product, managed.Shop, [.. Missing.Keys]);
        return null;
    }
}
