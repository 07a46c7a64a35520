using Marketplace.Features.Accounts;
using Marketplace.Features.Payouts;
using Marketplace.Features.Shops;
using Marketplace.Infrastructure.Web;
using Marketplace.Pages.Shared;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stripe;
using Wolverine;

namespace Marketplace.Pages.Seller;

/// <summary>
/// The seller's payouts: status, what Stripe still needs, balance and payouts, and the two ways out to Stripe
/// (onboarding, Express dashboard). Stripe sends the seller back to <c>/shop/payouts/return</c>, or to
/// <c>/shop/payouts/refresh</c> when the onboarding link has expired.
/// </summary>
[Authorize(Policy = Policies.Member)]
public sealed class PayoutsModel(IDocumentSession session, IStripeClient stripe, ConnectedAccounts accounts, IMessageBus bus) : PageModel
{
    public Shop Shop { get; private set; } = null!;

    public GetPayouts.Response Status { get; private set; } = null!;

    public string? StripeError { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await OwnShopAsync(ct) is not { } shop)
        {
            return RedirectToPage("/Shops/Open");
        }

        Shop = shop;
        Status = await GetPayouts.ExecuteAsync(shop, session, stripe, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetRefreshAsync(CancellationToken ct) => await ToOnboardingAsync(ct);

    public async Task<IActionResult> OnPostOnboardAsync(CancellationToken ct) => await ToOnboardingAsync(ct);

    public async Task<IActionResult> OnGetReturnAsync(CancellationToken ct)
    {
        if (await OwnShopAsync(ct) is not { } shop)
        {
            return RedirectToPage("/Shops/Open");
        }

        ShopPayoutAccount? payouts = null;
        try
        {
            payouts = (await SyncPayoutAccount.ExecuteAsync(shop, PublicUrl.Of(HttpContext), bus, ct)).Payouts;
        }
        catch (Exception e) when (e is StripeException or JasperFx.ConcurrencyException)
        {
            // the webhook brings the same news a moment later
        }

        payouts ??= await session.LoadAsync<ShopPayoutAccount>(shop.Id, ct);
        // One banner tells the truth: the page's own state says what is still needed, so only success is flashed.
        if (ShopPublishing.Allowed(shop, payouts))
        {
            TempData.Flash("Payouts are set up: you can publish products and get paid.");
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDashboardAsync(CancellationToken ct)
    {
        if (await OwnShopAsync(ct) is not { } shop || await session.LoadAsync<ShopPayoutAccount>(shop.Id, ct) is not { } payouts)
        {
            return RedirectToPage();
        }

        try
        {
            return Redirect(await accounts.DashboardLinkAsync(payouts.AccountId, ct));
        }
        catch (StripeException)
        {
            TempData.Flash("Stripe could not open your dashboard just now; try again in a moment.");
            return RedirectToPage();
        }
    }

    private async Task<IActionResult> ToOnboardingAsync(CancellationToken ct)
    {
        if (await OwnShopAsync(ct) is not { } shop)
        {
            return RedirectToPage("/Shops/Open");
        }

        try
        {
            return Redirect((await StartOnboarding.ExecuteAsync(shop, accounts, PublicUrl.Of(HttpContext), ct)).Url);
        }
        catch (StripeException)
        {
            TempData.Flash("Stripe could not be reached just now; try again in a moment.");
            return RedirectToPage();
        }
    }

    private async Task<Shop?> OwnShopAsync(CancellationToken ct) =>
        await ShopAccess.OwnedByAsync(session, Members.IdOf(User)!.Value, ct) is { Status: not ShopStatus.Closed } shop ? shop : null;
}
