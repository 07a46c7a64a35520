using System.Net.Http.Json;

namespace Marketplace.ProductionTests;

/// <summary>A seller with a shop whose payouts are enabled on the standalone sandbox, as onboarding leaves them.</summary>
public sealed record OnboardedSeller(SmokeClient Client, Guid ShopId, string AccountId, string OnboardingLink)
{
    public static async Task<OnboardedSeller> CreateAsync(LocalTopology topology)
    {
        var email = TopologyTests.NewEmail("seller");
        using var anonymous = new SmokeClient(topology.Nginx);
        await anonymous.SignUpAsync(topology, email, "Smoke Seller");
        var seller = new SmokeClient(topology.Nginx, await anonymous.SignInAsync(email));
        var slug = $"smoke-{Guid.NewGuid():N}"[..20];
        var shopId = (await seller.PostAsync("/api/shops", new { name = "Smoke Shop", slug, description = "A shop of the smoke test." }, 201))
            .GetProperty("id").GetGuid();
        var link = (await seller.PostAsync($"/api/shops/{shopId}/payouts/onboarding", new { }, 200)).GetProperty("url").GetString()!;
        var accountId = (await seller.GetAsync($"/api/shops/{shopId}/payouts")).GetProperty("accountId").GetString()!;

        using var sandbox = new HttpClient { BaseAddress = topology.Sandbox };
        using var completed = await sandbox.PostAsJsonAsync($"/stripe-sandbox/control/accounts/{accountId}/onboarding", new { outcome = "complete" });
        completed.EnsureSuccessStatusCode();
        await Eventually.TrueAsync(async () => (await seller.GetAsync($"/api/shops/{shopId}/payouts")).GetProperty("payoutsEnabled").GetBoolean(),
            "account.updated from the sandbox enables the shop's payouts");
        return new OnboardedSeller(seller, shopId, accountId, link);
    }
}
