using FluentValidation;
using Marketplace.Features.Accounts;
using Marketplace.Features.Shops;
using Marketplace.Pages.Shared;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Marketplace.Pages.Shops;

/// <summary>"Open a shop": name, address and description; then on to payouts onboarding.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class OpenModel(
    IValidator<OpenShop.Request> validator, IDocumentSession session, IMessageBus bus,
    UserManager<UserAccount> users, SignInManager<UserAccount> signIn) : PageModel
{
    [BindProperty]
    public OpenInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await ShopAccess.OwnedByAsync(session, Members.IdOf(User)!.Value, ct) is { Status: not ShopStatus.Closed }
            ? RedirectToPage("/Seller/Settings")
            : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var request = new OpenShop.Request(Input.Name ?? "", (Input.Slug ?? "").Trim(), Input.Description);
        if (!await ModelState.ValidateAsync(validator, request, nameof(Input), ct))
        {
            return Page();
        }

        var result = await OpenShop.ExecuteAsync(request, Members.IdOf(User)!.Value, bus, session, ct);
        switch (result.Failure)
        {
            case OpenShop.Failure.SlugTaken:
                ModelState.AddModelError(FormErrors.Key(nameof(Input), nameof(OpenInput.Slug)), "Another shop already uses this address.");
                return Page();
            case OpenShop.Failure.AlreadyOwnsShop:
                return RedirectToPage("/Seller/Settings");
            case OpenShop.Failure.NoAccount:
                return Challenge();
        }

        // the new seller role belongs in this sign-in now, not at the next one
        if (await users.GetUserAsync(User) is { } user)
        {
            await signIn.RefreshSignInAsync(user);
        }

        TempData.Flash($"{result.Shop!.Name} is open. Next: set up payouts so you can publish and get paid.");
        return RedirectToPage("/Seller/Payouts");
    }

    public sealed class OpenInput
    {
        public string? Name { get; set; }
        public string? Slug { get; set; }
        public string? Description { get; set; }
    }
}
