using Stripe;

namespace Marketplace.Tests.StripeSandbox;

/// <summary>
/// Transfers asked for more than once, at the same time or again with the same <c>Idempotency-Key</c>: the money
/// moves once per answer, and never beyond what the source charge holds.
/// </summary>
public sealed class RepeatedTransferTests(AppFixture fixture) : MoneyTest(fixture)
{
    [Fact]
    public async Task Concurrent_transfers_from_one_charge_never_take_more_than_the_charge()
    {
        var shop = await OnboardedAccountAsync("Shop A");
        var intent = await PayAsync(await CheckoutAsync([10000]));

        var attempts = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            try
            {
                return (await new TransferService(Stripe).CreateAsync(new TransferCreateOptions
                {
                    Amount = 3000, Currency = "usd", Destination = shop.Id, SourceTransaction = intent.LatestChargeId,
                })).Amount;
            }
            catch (StripeException e) when (e.StripeError?.Code is "transfer_source_balance_parameters_mismatch" or "lock_timeout")
            {
                return 0;
            }
        }));

        var transferred = attempts.Sum();
        transferred.ShouldBeInRange(3000, 9000);
        attempts.Count(amount => amount == 0).ShouldBeGreaterThanOrEqualTo(2);
        (await FundsAsync(shop.Id)).ShouldBe(new Funds(0, transferred));
        (await FundsAsync()).ShouldBe(new Funds(0, 10000 - CardFeeOn10000 - transferred));
    }

    [Fact]
    public async Task A_transfer_replayed_with_its_idempotency_key_moves_the_money_once()
    {
        var shop = await OnboardedAccountAsync("Shop A");
        var intent = await PayAsync(await CheckoutAsync([10000]));
        var create = new TransferCreateOptions { Amount = 2500, Currency = "usd", Destination = shop.Id, SourceTransaction = intent.LatestChargeId };
        var once = new RequestOptions { IdempotencyKey = $"order-7-shop-a-{Guid.NewGuid()}" };

        var first = await new TransferService(Stripe).CreateAsync(create, once);
        var replayed = await new TransferService(Stripe).CreateAsync(create, once);

        replayed.Id.ShouldBe(first.Id);
        replayed.StripeResponse.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await FundsAsync(shop.Id)).ShouldBe(new Funds(0, 2500));
        (await ChargeAsync(intent.LatestChargeId)).Amount.ShouldBe(10000);
        var events = await WaitForEventsAsync(null, events => events.Any(e => e.Type == "transfer.created"));
        events.Count(e => e.Type == "transfer.created").ShouldBe(1);
    }
}
