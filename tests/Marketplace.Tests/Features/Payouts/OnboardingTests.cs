using Alba;
using Marketplace.Features.Payouts;
using Marketplace.Features.Shops;
using Marketplace.Features.StripeWebhooks;
using Marketplace.Tests.Features.Shops;
using Marten;

namespace Marketplace.Tests.Features.Payouts;

public sealed class OnboardingTests(AppFixture fixture) : ShopsTest(fixture)
{
    [Fact]
    public async Task A_seller_onboards_through_the_hosted_page_and_the_webhook_enables_payouts()
    {
        var owner = await MemberAsync("seller");
        var shop = await OpenShopAsync(owner);

        var link = await StartOnboardingAsync(owner, shop.Id);
        var linkPath = new Uri(link.Url).PathAndQuery;
        var page = await SendAsync(s => s.Get.Url(linkPath));
        (await page.ReadAsTextAsync()).ShouldContain("Set up payouts");
        var submitted = await SendAsync(s =>
        {
            s.Post.FormData(new Dictionary<string, string> { ["outcome"] = "complete", ["business_name"] = "Glyph Foundry" }).ToUrl(linkPath);
            s.StatusCodeShouldBe(302);
        });
        submitted.Context.Response.Headers.Location.ToString().ShouldEndWith("/shop/payouts/return");

        var status = await Eventually.ValueAsync(() => PayoutsAsync(owner, shop.Id), s => s.PayoutsEnabled);
        status.AccountId.ShouldBe(link.AccountId);
        status.ChargesEnabled.ShouldBeTrue();
        status.RequirementsDue.ShouldBeEmpty();
        status.CanPublish.ShouldBeTrue();
        status.Balance.ShouldNotBeNull();
        await Eventually.ValueAsync(
            () => QueryAsync(q => q.Query<StripeEventRecord>().AnyAsync(e => e.Type == "account.updated" && e.Status == StripeEventStatus.Processed)), done => done);
        var mails = await Eventually.ValueAsync(() => MailsToAsync(owner.Email), m => m.Any(x => x.Subject.Contains("get paid")));
        mails.Count(m => m.Subject.Contains("get paid")).ShouldBe(1);
    }

    [Fact]
    public async Task Requirements_left_due_keep_the_shop_from_publishing()
    {
        var owner = await MemberAsync("seller");
        var shop = await OpenShopAsync(owner);
        var link = await StartOnboardingAsync(owner, shop.Id);

        await SendAsync(s =>
        {
            s.Post.FormData(new Dictionary<string, string> { ["outcome"] = "requirements_due" }).ToUrl(new Uri(link.Url).PathAndQuery);
            s.StatusCodeShouldBe(302);
        });

        var status = await Eventually.ValueAsync(() => PayoutsAsync(owner, shop.Id), s => s.SyncedAt is not null);
        status.DetailsSubmitted.ShouldBeTrue();
        status.PayoutsEnabled.ShouldBeFalse();
        status.RequirementsDue.ShouldContain("external_account");
        status.CanPublish.ShouldBeFalse();
        (await SendAsync(s => s.Get.Url($"/api/shops/{shop.Slug}"))).ReadAsJson<ShopView>()!.CanPublish.ShouldBeFalse();
    }

    [Fact]
    public async Task Asking_again_gives_a_fresh_link_for_the_same_account_even_when_asked_at_once()
    {
        var owner = await MemberAsync("seller");
        var shop = await OpenShopAsync(owner);

        var links = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => StartOnboardingAsync(owner, shop.Id)));

        links.Select(l => l.AccountId).Distinct().Count().ShouldBe(1);
        links.Select(l => l.Url).Distinct().Count().ShouldBe(4);
        (await QueryAsync(q => q.LoadAsync<ShopPayoutAccount>(shop.Id)))!.AccountId.ShouldBe(links[0].AccountId);
    }

    [Fact]
    public async Task A_used_link_sends_the_seller_to_the_refresh_page_which_makes_a_new_one()
    {
        var owner = await MemberAsync("seller");
        var shop = await OpenShopAsync(owner);
        var linkPath = new Uri((await StartOnboardingAsync(owner, shop.Id)).Url).PathAndQuery;
        await SendAsync(s =>
        {
            s.Post.FormData(new Dictionary<string, string> { ["outcome"] = "requirements_due" }).ToUrl(linkPath);
            s.StatusCodeShouldBe(302);
        });

        var again = await SendAsync(s =>
        {
            s.Get.Url(linkPath);
            s.StatusCodeShouldBe(302);
        });

        again.Context.Response.Headers.Location.ToString().ShouldEndWith("/shop/payouts/refresh");
    }

    [Fact]
    public async Task The_express_dashboard_opens_once_the_seller_has_submitted_their_details()
    {
        var owner = await MemberAsync("seller");
        var shop = await OpenShopAsync(owner);

        await AsUserAsync(owner.Token, s =>
        {
            s.Post.Url($"/api/shops/{shop.Id}/payouts/dashboard");
            s.StatusCodeShouldBe(409);
        });
        var link = await StartOnboardingAsync(owner, shop.Id);
        await AsUserAsync(owner.Token, s =>
        {
            s.Post.Url($"/api/shops/{shop.Id}/payouts/dashboard");
            s.StatusCodeShouldBe(409);
        });
        await SendAsync(s => s.Post.Json(new { outcome = "requirements_due" }).ToUrl($"/stripe-sandbox/control/accounts/{link.AccountId}/onboarding"));
        var dashboard = await AsUserAsync(owner.Token, s => s.Post.Url($"/api/shops/{shop.Id}/payouts/dashboard"));

        dashboard.ReadAsJson<OpenDashboard.Response>()!.Url.ShouldContain("/stripe-sandbox/express/");
    }

    [Fact]
    public async Task Only_the_owner_or_an_admin_reaches_a_shops_payouts_and_others_learn_nothing()
    {
        var owner = await MemberAsync("seller");
        var stranger = await MemberAsync("stranger");
        var admin = await MemberAsync("admin", Marketplace.Features.Accounts.Roles.Admin);
        var shop = await OpenShopAsync(owner);

        foreach (var (method, path) in new[] { ("GET", ""), ("POST", "/onboarding"), ("POST", "/dashboard") })
        {
            var refused = await AsUserAsync(stranger.Token, s =>
            {
                Route(s, method, $"/api/shops/{shop.Id}/payouts{path}");
                s.StatusCodeShouldBe(404);
            });
            var missing = await AsUserAsync(stranger.Token, s =>
            {
                Route(s, method, $"/api/shops/{Guid.NewGuid()}/payouts{path}");
                s.StatusCodeShouldBe(404);
            });
            (await refused.ReadAsTextAsync()).Length.ShouldBeGreaterThan(0);
            Problem(refused).GetProperty("title").GetString().ShouldBe(Problem(missing).GetProperty("title").GetString());
            await SendAsync(s =>
            {
                Route(s, method, $"/api/shops/{shop.Id}/payouts{path}");
                s.StatusCodeShouldBe(401);
            });
        }

        await AsUserAsync(admin.Token, s => s.Get.Url($"/api/shops/{shop.Id}/payouts"));
        (await QueryAsync(q => q.LoadAsync<ShopPayoutAccount>(shop.Id))).ShouldBeNull();
    }

    private static void Route(Scenario s, string method, string url)
    {
        if (method == "GET")
        {
            s.Get.Url(url);
        }
        else
        {
            s.Post.Url(url);
        }
    }

    private async Task<StartOnboarding.Response> StartOnboardingAsync(Member owner, Guid shopId) =>
        (await AsUserAsync(owner.Token, s => s.Post.Url($"/api/shops/{shopId}/payouts/onboarding"))).ReadAsJson<StartOnboarding.Response>()!;

    private async Task<GetPayouts.Response> PayoutsAsync(Member owner, Guid shopId) =>
        (await AsUserAsync(owner.Token, s => s.Get.Url($"/api/shops/{shopId}/payouts"))).ReadAsJson<GetPayouts.Response>()!;
}
