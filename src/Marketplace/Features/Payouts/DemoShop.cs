using Marketplace.Features.Accounts;
using Marketplace.Features.Shops;
using Marketplace.Infrastructure.Payments;
using Marketplace.Infrastructure.Seeding;
using Marketplace.Infrastructure.Web;
using Marten;
using Wolverine.Marten;
using Wolverine.Runtime;

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

        var outbox = services.GetRequiredService<IMartenOutbox>();
        var opened = await OpenShop.ExecuteAsync(
            new OpenShop.Request("Sam's Type Foundry", Slug, "Typefaces for screens and print: variable fonts, webfont kits and specimens."),
            seller.Id, session, outbox, services.GetRequiredService<TimeProvider>(), ct);
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
        // The opening already flushed the scoped outbox, and Wolverine flushes a message context once: the sync's
        // messages (the "can now sell" mail) need an outbox of their own, or they are stored and never sent.
        var syncOutbox = new MartenOutbox(services.GetRequiredService<IWolverineRuntime>(), session);
        await accounts.SyncAsync(shop, syncOutbox, PublicUrl.Of(services), ct);
        await session.SaveChangesAsync(ct);
        return [$"  shop:     /shops/{Slug}, payouts enabled through the Stripe sandbox"];
    }
}
