using System.Text.Json;
using Marketplace.Features.Payouts;
using Marketplace.Features.StripeWebhooks;
using Marketplace.Infrastructure.Payments;
using Marten;
using Wolverine.Tracking;

namespace Marketplace.Tests.Features.StripeWebhooks;

public sealed class ReceiveStripeWebhookTests(AppFixture fixture) : StripeWebhookTest(fixture)
{
    [Fact]
    public async Task The_same_event_delivered_three_times_and_concurrently_has_one_effect()
    {
        var (owner, _, account) = await ShopWithAccountAsync();
        var payload = SignedEvents.Event("payout.failed", SignedEvents.Payout("po_twice", "failed", failureMessage: "The bank account is closed."), account);

        var answers = new List<JsonElement>();
        await Host.ExecuteAndWaitAsync(async () =>
        {
            for (var i = 0; i < 3; i++)
            {
                answers.Add((await DeliverAsync(payload)).ReadAsJson<JsonElement>());
            }

            foreach (var result in await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => DeliverAsync(payload))))
            {
                answers.Add(result.ReadAsJson<JsonElement>());
            }
        }, 30_000);

        answers.Count(a => !a.GetProperty("duplicate").GetBoolean()).ShouldBe(1);
        (await SettledAsync(SignedEvents.IdOf(payload))).Status.ShouldBe(StripeEventStatus.Processed);
        (await QueryAsync(q => q.Query<StripeEventRecord>().CountAsync())).ShouldBe(1);
        (await QueryAsync(q => q.LoadAsync<ShopPayout>("po_twice")))!.Status.ShouldBe("failed");
        var mails = await MailsToAsync(owner.Email);
        mails.Count(m => m.Subject.Contains("payout", StringComparison.OrdinalIgnoreCase)).ShouldBe(1);
        mails.Single(m => m.Subject.Contains("payout", StringComparison.OrdinalIgnoreCase)).Text.ShouldContain("The bank account is closed.");
    }

    [Fact]
    public async Task A_payload_signed_with_another_secret_is_refused_and_nothing_is_stored()
    {
        var (_, _, account) = await ShopWithAccountAsync();
        var payload = SignedEvents.Event("payout.paid", SignedEvents.Payout("po_forged", "paid"), account);

        var result = await DeliverAsync(payload, SignedEvents.Signature(payload, "whsec_someone_else"), status: 400);

        Problem(result).GetProperty("type").GetString().ShouldBe("/problems/invalid-signature");
        (await QueryAsync(q => q.Query<StripeEventRecord>().CountAsync())).ShouldBe(0);
        (await QueryAsync(q => q.LoadAsync<ShopPayout>("po_forged"))).ShouldBeNull();
    }

    [Fact]
    public async Task A_payload_changed_after_signing_is_refused()
    {
        var payload = SignedEvents.Event("payout.paid", SignedEvents.Payout("po_1", "paid", amount: 100), "acct_x");
        var signature = SignedEvents.Signature(payload);

        await DeliverAsync(payload.Replace("\"amount\":100", "\"amount\":100000", StringComparison.Ordinal), signature, status: 400);

        (await QueryAsync(q => q.Query<StripeEventRecord>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_missing_signature_is_refused()
    {
        var payload = SignedEvents.Event("payout.paid", SignedEvents.Payout("po_1", "paid"), "acct_x");

        await SendAsync(s =>
        {
            s.Post.Text(payload).ToUrl(Route);
            s.StatusCodeShouldBe(400);
        });
    }

    [Fact]
    public async Task A_correctly_signed_event_older_than_five_minutes_is_refused_as_a_possible_replay()
    {
        var payload = SignedEvents.Event("payout.paid", SignedEvents.Payout("po_old", "paid"), "acct_x");

        var result = await DeliverAsync(payload, SignedEvents.Signature(payload, at: DateTimeOffset.UtcNow.AddSeconds(-301)), status: 400);

        Problem(result).GetProperty("detail").GetString()!.ShouldContain("tolerance");
        (await QueryAsync(q => q.Query<StripeEventRecord>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_live_mode_event_is_refused_by_a_test_mode_marketplace()
    {
        var payload = SignedEvents.Event("payout.paid", SignedEvents.Payout("po_live", "paid"), "acct_x", livemode: true);

        var result = await DeliverAsync(payload, status: 400);

        Problem(result).GetProperty("detail").GetString()!.ShouldContain("live-mode");
        (await QueryAsync(q => q.Query<StripeEventRecord>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Platform_events_are_verified_with_the_platform_secret()
    {
        var payload = SignedEvents.Event("balance.available", new System.Text.Json.Nodes.JsonObject { ["object"] = "balance" });

        await DeliverAsync(payload, SignedEvents.Signature(payload, StripeOptions.DevelopmentWebhookSecret));

        (await SettledAsync(SignedEvents.IdOf(payload))).Status.ShouldBe(StripeEventStatus.Ignored);
    }

    [Fact]
    public async Task A_late_event_about_an_earlier_stage_never_moves_a_payout_back()
    {
        var (_, _, account) = await ShopWithAccountAsync();
        var paid = SignedEvents.Event("payout.paid", SignedEvents.Payout("po_order", "paid"), account);
        var created = SignedEvents.Event("payout.created", SignedEvents.Payout("po_order", "pending"), account);

        await DeliverAsync(paid);
        await SettledAsync(SignedEvents.IdOf(paid));
        await DeliverAsync(created);
        await SettledAsync(SignedEvents.IdOf(created));

        (await QueryAsync(q => q.LoadAsync<ShopPayout>("po_order")))!.Status.ShouldBe("paid");
    }
}
