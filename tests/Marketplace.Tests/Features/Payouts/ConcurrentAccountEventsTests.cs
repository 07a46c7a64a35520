using Marketplace.Features.StripeWebhooks;
using Marten;
using Wolverine.Tracking;

namespace Marketplace.Tests.Features.Payouts;

/// <summary>Many events about one connected account, handled at the same time.</summary>
public sealed class ConcurrentAccountEventsTests(AppFixture fixture) : PayoutsTest(fixture)
{
    [Fact]
    public async Task Fifty_account_updates_at_once_leave_the_newest_state_and_mail_the_seller_once()
    {
        var (owner, shop, account) = await OnboardingStartedAsync();
        var updates = AccountUpdates(account, 50);

        await Host.TrackActivity().Timeout(TimeSpan.FromSeconds(90)).DoNotAssertOnExceptionsDetected()
            .ExecuteAndWaitAsync(_ => Task.WhenAll(CompleteOnboardingAsync(account), DeliverAtOnceAsync(updates)));

        (await ProcessedAsync(updates)).ShouldAllBe(e => e.Status == StripeEventStatus.Processed);
        var payouts = await PayoutsAsync(owner, shop.Id);
        payouts.ChargesEnabled.ShouldBeTrue();
        payouts.PayoutsEnabled.ShouldBeTrue();
        payouts.RequirementsDue.ShouldBeEmpty();
        (await MailsToAsync(owner.Email)).Count(m => m.Subject.Contains("get paid")).ShouldBe(1);
    }

    [Fact]
    public async Task A_disconnection_racing_account_updates_stays_final()
    {
        var (owner, shop, account) = await OnboardingStartedAsync();
        await CompleteOnboardingAsync(account);
        var updates = AccountUpdates(account, 20);

        var delivered = DeliverAtOnceAsync(updates);
        await SendAsync(s => s.Post.Url($"/stripe-sandbox/control/accounts/{account}/deauthorize"));
        await delivered;

        await ProcessedAsync(updates);
        await Eventually.ValueAsync(
            () => QueryAsync(q => q.Query<StripeEventRecord>().AnyAsync(e => e.Account == account && e.Type == "account.application.deauthorized" && e.Status == StripeEventStatus.Processed)),
            done => done);
        var late = AccountUpdates(account, 1);
        await DeliverAtOnceAsync(late);
        await ProcessedAsync(late);
        var payouts = await PayoutsAsync(owner, shop.Id);
        payouts.Deauthorized.ShouldBeTrue();
        payouts.PayoutsEnabled.ShouldBeFalse();
        payouts.CanPublish.ShouldBeFalse();
        await AsUserAsync(owner.Token, s =>
        {
            s.Post.Url($"/api/shops/{shop.Id}/payouts/onboarding");
            s.StatusCodeShouldBe(409);
        });
    }
}
