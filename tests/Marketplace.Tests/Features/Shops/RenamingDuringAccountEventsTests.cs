using Marketplace.Features.Shops;
using Marketplace.Features.StripeWebhooks;
using Marketplace.Tests.Features.Payouts;

namespace Marketplace.Tests.Features.Shops;

/// <summary>The seller edits the shop while Stripe's events about its connected account are being processed.</summary>
public sealed class RenamingDuringAccountEventsTests(AppFixture fixture) : PayoutsTest(fixture)
{
    [Fact]
    public async Task Renaming_the_shop_while_a_hundred_account_updates_are_processed_always_succeeds_and_both_changes_stay()
    {
        var (owner, shop, account) = await OnboardingStartedAsync();
        await CompleteOnboardingAsync(account);
        var updates = AccountUpdates(account, 100);

        var delivered = DeliverAtOnceAsync(updates);
        var renames = 0;
        do
        {
            renames++;
            await AsUserAsync(owner.Token, s =>
            {
                s.Put.Json(new { name = $"Type Kitchen {renames}", description = "Hot fonts." }).ToUrl($"/api/shops/{shop.Id}");
                s.StatusCodeShouldBe(200);
            });
        }
        while (!delivered.IsCompleted || !await AllSettledAsync(updates));

        await delivered;
        (await ProcessedAsync(updates)).ShouldAllBe(e => e.Status == StripeEventStatus.Processed);
        (await QueryAsync(q => q.LoadAsync<Shop>(shop.Id)))!.Name.ShouldBe($"Type Kitchen {renames}");
        var payouts = await PayoutsAsync(owner, shop.Id);
        payouts.ChargesEnabled.ShouldBeTrue();
        payouts.PayoutsEnabled.ShouldBeTrue();
        payouts.RequirementsDue.ShouldBeEmpty();
        payouts.CanPublish.ShouldBeTrue();
    }

    [Fact]
    public async Task Starting_onboarding_while_the_shop_is_renamed_refuses_neither_and_makes_one_account()
    {
        var owner = await MemberAsync("seller");
        var shop = await OpenShopAsync(owner);

        var starts = Task.WhenAll(Enumerable.Range(0, 4).Select(_ => AsUserAsync(owner.Token, s => s.Post.Url($"/api/shops/{shop.Id}/payouts/onboarding"))));
        var renames = 0;
        do
        {
            renames++;
            await AsUserAsync(owner.Token, s => s.Put.Json(new { name = $"Type Kitchen {renames}" }).ToUrl($"/api/shops/{shop.Id}"));
        }
        while (!starts.IsCompleted);

        var accounts = (await starts).Select(started => started.ReadAsJson<Marketplace.Features.Payouts.StartOnboarding.Response>()!.AccountId).Distinct();
        (await PayoutsAsync(owner, shop.Id)).AccountId.ShouldBe(accounts.ShouldHaveSingleItem());
        (await QueryAsync(q => q.LoadAsync<Shop>(shop.Id)))!.Name.ShouldBe($"Type Kitchen {renames}");
    }
}
