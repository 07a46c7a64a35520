using System.Text.Json.Nodes;
using Marketplace.Features.StripeWebhooks;
using Marketplace.Features.Payouts;
using Marketplace.Infrastructure.Payments;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Features.StripeWebhooks;

/// <summary>What the endpoint accepts: Stripe events only, each kind signed with its own endpoint's secret.</summary>
public sealed class WebhookIntakeTests(AppFixture fixture) : StripeWebhookTest(fixture)
{
    public static TheoryData<string> SignedButNotEvents => new()
    {
        """{"id":"evt_truncated","object":"event","type":"payout.paid","data":{"obj""",
        """[{"id":"evt_in_an_array","type":"payout.paid"}]""",
        "null",
        "42",
        "\"evt_a_string\"",
        """{"object":"event","type":"payout.paid","data":{"object":{}}}""",
        """{"id":"evt_without_type","object":"event","data":{"object":{}}}""",
        """{"id":"","type":"payout.paid"}""",
        """{"id":12345,"type":"payout.paid"}""",
        """{"id":"evt_type_is_null","type":null}""",
        """{"id":"evt_bad_created","type":"customer.created","created":"yesterday","livemode":false,"data":{"object":{}}}""",
        "{\"id\":\"evt_nul\u0000\",\"type\":\"customer.created\",\"data\":{\"object\":{}}",
        """{"id":"evt_no_livemode","type":"customer.created","created":1700000000,"data":{"object":{}}}""",
        """{"id":"evt_livemode_string","type":"customer.created","created":1700000000,"livemode":"false","data":{"object":{}}}""",
        """{"id":"evt_no_created","type":"customer.created","livemode":false,"data":{"object":{}}}""",
        """{"id":"evt_created_negative","type":"customer.created","created":-1,"livemode":false,"data":{"object":{}}}""",
        """{"id":"evt_created_huge","type":"customer.created","created":100000000000000000000,"livemode":false,"data":{"object":{}}}""",
        """{"id":"evt_created_fraction","type":"customer.created","created":1700000000.5,"livemode":false,"data":{"object":{}}}""",
    };

    [Theory]
    [MemberData(nameof(SignedButNotEvents))]
    public async Task A_correctly_signed_payload_that_is_not_a_stripe_event_is_refused_and_stores_nothing(string payload)
    {
        var result = await DeliverAsync(payload, SignedEvents.Signature(payload, StripeOptions.DevelopmentWebhookSecret), status: 400);

        Problem(result).GetProperty("title").GetString().ShouldBe("The webhook was refused.");
        (await QueryAsync(q => q.Query<StripeEventRecord>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task An_event_of_a_connected_account_signed_with_the_platform_secret_is_refused()
    {
        var (_, _, account) = await ShopWithAccountAsync();
        var payload = SignedEvents.Event("account.application.deauthorized", new JsonObject { ["object"] = "application" }, account);

        var result = await DeliverAsync(payload, SignedEvents.Signature(payload, StripeOptions.DevelopmentWebhookSecret), status: 400);

        Problem(result).GetProperty("detail").GetString()!.ShouldContain("Connect endpoint's secret");
        (await QueryAsync(q => q.Query<StripeEventRecord>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_platform_event_signed_with_the_connect_secret_is_refused()
    {
        var payload = SignedEvents.Event("balance.available", new JsonObject { ["object"] = "balance" });

        await DeliverAsync(payload, SignedEvents.Signature(payload, StripeOptions.DevelopmentConnectWebhookSecret), status: 400);

        (await QueryAsync(q => q.Query<StripeEventRecord>().CountAsync())).ShouldBe(0);
    }

    [Theory]
    [InlineData("customer.created", null)]
    [InlineData("charge.refunded", "acct_connected")]
    [InlineData("payout.paid", null)]
    public async Task An_event_the_marketplace_does_not_handle_is_ignored_at_once(string type, string? account)
    {
        var payload = SignedEvents.Event(type, type.StartsWith("payout", StringComparison.Ordinal) ? SignedEvents.Payout("po_platform", "paid") : new JsonObject { ["object"] = "thing" }, account);
        var secret = account is null ? StripeOptions.DevelopmentWebhookSecret : StripeOptions.DevelopmentConnectWebhookSecret;

        await DeliverAsync(payload, SignedEvents.Signature(payload, secret));

        var record = (await QueryAsync(q => q.LoadAsync<StripeEventRecord>(SignedEvents.IdOf(payload))))!;
        record.Status.ShouldBe(StripeEventStatus.Ignored);
        record.ProcessedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task An_event_left_received_without_a_message_is_sent_again_by_the_sweeper()
    {
        var (_, shop, account) = await ShopWithAccountAsync();
        var payload = SignedEvents.Event("payout.paid", SignedEvents.Payout("po_stranded", "paid"), account);
        // As after a crash between the commit and the dispatch: the record, and no message.
        await StoreAsync(new StripeEventRecord
        {
            Id = SignedEvents.IdOf(payload), Type = "payout.paid", Account = account, Payload = payload,
            ReceivedAt = DateTimeOffset.UtcNow.AddHours(-1), CreatedAt = DateTimeOffset.UtcNow.AddHours(-1), Status = StripeEventStatus.Received,
        });

        (await Host.Services.GetRequiredService<StripeEventSweeper>().SweepAsync(CancellationToken.None)).ShouldBe(1);

        (await SettledAsync(SignedEvents.IdOf(payload))).Status.ShouldBe(StripeEventStatus.Processed);
        (await QueryAsync(q => q.LoadAsync<ShopPayout>("po_stranded")))!.ShopId.ShouldBe(shop.Id);
    }

    [Fact]
    public async Task The_sweeper_leaves_events_that_are_not_overdue_alone()
    {
        var (_, _, account) = await ShopWithAccountAsync();
        var payload = SignedEvents.Event("payout.paid", SignedEvents.Payout("po_recent", "paid"), account);
        await StoreAsync(new StripeEventRecord
        {
            Id = SignedEvents.IdOf(payload), Type = "payout.paid", Account = account, Payload = payload,
            ReceivedAt = DateTimeOffset.UtcNow, CreatedAt = DateTimeOffset.UtcNow, Status = StripeEventStatus.Received,
        });

        (await Host.Services.GetRequiredService<StripeEventSweeper>().SweepAsync(CancellationToken.None)).ShouldBe(0);
    }
}
