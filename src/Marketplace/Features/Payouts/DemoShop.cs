using Marketplace.Features.Accounts;
using Marketplace.Features.Shops;
using Marketplace.Infrastructure.Payments;
using Marketplace.Infrastructure.Seeding;
using Marketplace.Infrastructure.Web;
using Marten;
using Wolverine;

namespace Marketplace.Features.Payouts;

/// <summary>
/// The demo seller's shop, opened as a seller would. With the sandbox, its onboarding is completed through the
/// sandbox's control API and synced at once, so the shop can sell on a first run; with real Stripe keys it waits
/// for a person to onboard.
/// </summary>
public sealed class DemoShop : IDemoData
{
    public const string Slug = "sams-type-foundry";

    public int Order => 30;

    public async Task<IReadOnlyList<string>> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var session = services.GetRequiredService<IDocumentSession>();
        var seller = await session.Query<UserAccount>().FirstOrDefaultAsync(u => u.Email == DemoAccounts.People[2].Email, ct);
        if (seller is null || await ShopAccess.OwnedByAsync(session, seller.Id, ct) is not null)
        {
            return [];
        }

        var bus = services.GetRequiredService<IMessageBus>();
        var opened = await OpenShop.ExecuteAsync(
            new OpenShop.Request("Sam's Type Foundry", Slug, "Typefaces for screens and print: variable fonts, webfont kits and specimens."),
            seller.Id, bus, session, ct);
        if (opened.Shop is not { } shop || !StripeSetup.SandboxEnabled(services))
        {
            return [$"  shop:     /shops/{Slug} (onboard payouts at /shop/payouts as {seller.Email})"];
        }

        var accounts = services.GetRequiredService<ConnectedAccounts>();
        var accountId = await accounts.EnsureAccountAsync(shop, ct);
        var sandbox = services.GetRequiredService<StripeSandboxAddress>();
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(StripeSetup.HttpClientName);
        var completed = await http.PostAsJsonAsync($"{sandbox.ApiBase}/control/accounts/{accountId}/onboarding", new { outcome = "complete" }, ct);
        completed.EnsureSuccessStatusCode();
        await SyncPayoutAccount.ExecuteAsync(shop, PublicUrl.Of(services), bus, ct);
        return [$"  shop:     /shops/{Slug}, payouts enabled through the Stripe sandbox"];
    }
}
