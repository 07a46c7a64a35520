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
        var seller = await OnboardedSeller.CreateAsync(topology);
        using var client = seller.Client;

        new Uri(seller.OnboardingLink).GetLeftPart(UriPartial.Authority).ShouldBe(topology.Sandbox.GetLeftPart(UriPartial.Authority), "the hosted page is the sandbox's own");
        seller.AccountId.ShouldStartWith("acct_");
        (await client.GetAsync($"/api/shops/{seller.ShopId}/payouts")).GetProperty("chargesEnabled").GetBoolean().ShouldBeTrue();
    }
}
