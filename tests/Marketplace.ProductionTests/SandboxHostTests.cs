using System.Net.Http.Json;

namespace Marketplace.ProductionTests;

/// <summary>
/// The nodes call the Stripe sandbox as a process of its own (Stripe:ApiBase), and its signed deliveries come back
/// through nginx to either node, as Stripe's would.
/// </summary>
[Collection(LocalTopologyCollection.Name)]
public sealed class SandboxHostTests(LocalTopology topology)
{
    [Fact]
    public async Task A_seller_onboards_on_the_standalone_sandbox_and_its_events_enable_payouts()
    {
        var email = TopologyTests.NewEmail("seller");
        using var anonymous = new SmokeClient(topology.Nginx);
        await anonymous.SignUpAsync(topology, email, "Smoke Seller");
        using var seller = new SmokeClient(topology.Nginx, await anonymous.SignInAsync(email));
        var slug = $"smoke-{Guid.NewGuid():N}"[..20];
        var shopId = (await seller.PostAsync("/api/shops", new { name = "Smoke Shop", slug, description = "A shop of the smoke test." }, 201))
            .GetProperty("id").GetGuid();

        var link = (await seller.PostAsync($"/api/shops/{shopId}/payouts/onboarding", new { }, 200)).GetProperty("url").GetString()!;
        new Uri(link).GetLeftPart(UriPartial.Authority).ShouldBe(topology.Sandbox.GetLeftPart(UriPartial.Authority), "the hosted page is the sandbox's own");
        var accountId = (await seller.GetAsync($"/api/shops/{shopId}/payouts")).GetProperty("accountId").GetString()!;
        accountId.ShouldStartWith("acct_");

        using var sandbox = new HttpClient { BaseAddress = topology.Sandbox };
        using var completed = await sandbox.PostAsJsonAsync($"/stripe-sandbox/control/accounts/{accountId}/onboarding", new { outcome = "complete" });
        completed.EnsureSuccessStatusCode();

        await Eventually.TrueAsync(async () => (await seller.GetAsync($"/api/shops/{shopId}/payouts")).GetProperty("payoutsEnabled").GetBoolean(),
            "account.updated from the sandbox enables the shop's payouts");
    }
}
