using FluentValidation;
using Marketplace.Features.Accounts;
using Marketplace.Features.Shops;
using Marketplace.Infrastructure.Images;
using Marketplace.Pages.Shared;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Marketplace.Pages.Seller;

/// <summary>The owner's shop settings: name, description, logo.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class SettingsModel(
    IQuerySession session, IValidator<UpdateShop.Request> validator, UntrustedImages images, IMessageBus bus) : PageModel
{
    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    public Shop Shop { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return RedirectToPage("/Shops/Open");
        }

        Input = new SettingsInput { Name = Shop.Name, Description = Shop.Description };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return RedirectToPage("/Shops/Open");
        }

        var request = new UpdateShop.Request(Input.Name ?? "", Input.Description);
        if (!await ModelState.ValidateAsync(validator, request, nameof(Input), ct))
        {
            return Page();
        }

        await UpdateShop.ExecuteAsync(Shop.Id, request, bus, ct);
        TempData.Flash("Shop details saved.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostLogoAsync(IFormFile? logo, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return RedirectToPage("/Shops/Open");
        }

        if ((await UploadShopLogo.ExecuteAsync(Shop, logo, images, bus, ct)).Error is { } error)
        {
            ModelState.AddModelError("logo", error);
            Input = new SettingsInput { Name = Shop.Name, Description = Shop.Description };
            return Page();
        }

        TempData.Flash("Logo updated.");
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Shop = await ShopAccess.OwnedByAsync(session, Members.IdOf(User)!.Value, ct) ?? new Shop { Status = ShopStatus.Closed };
        return Shop.Status != ShopStatus.Closed;
    }

    public sealed class SettingsInput
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
    }
}
