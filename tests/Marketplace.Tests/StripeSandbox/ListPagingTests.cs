using System.Net;
using Stripe;

namespace Marketplace.Tests.StripeSandbox;

/// <summary>Stripe's list semantics through Stripe.net's list calls: cursors both ways, limits, refusals, and whose objects a list shows.</summary>
public sealed class ListPagingTests(AppFixture fixture) : StripeSandboxTest(fixture)
{
    [Fact]
    public async Task Paging_forward_and_back_through_25_transfers_ten_at_a_time_gives_each_once_newest_first()
    {
        var (account, charge) = await SellerAndChargeAsync(25_000);
        var made = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            made.Add((await new TransferService(Stripe).CreateAsync(new TransferCreateOptions
            {
                Amount = 100, Currency = "usd", Destination = account, SourceTransaction = charge, TransferGroup = $"order-{i}",
            })).Id);
        }

        var newestFirst = Enumerable.Reverse(made).ToList();
        var transfers = new TransferService(Stripe);

        var first = await transfers.ListAsync(new TransferListOptions { Limit = 10 });
        var second = await transfers.ListAsync(new TransferListOptions { Limit = 10, StartingAfter = first.Data[^1].Id });
        var third = await transfers.ListAsync(new TransferListOptions { Limit = 10, StartingAfter = second.Data[^1].Id });
        var backToSecond = await transfers.ListAsync(new TransferListOptions { Limit = 10, EndingBefore = third.Data[0].Id });
        var backToFirst = await transfers.ListAsync(new TransferListOptions { Limit = 10, EndingBefore = backToSecond.Data[0].Id });

        first.Data.Concat(second.Data).Concat(third.Data).Select(t => t.Id).ShouldBe(newestFirst);
        (first.HasMore, second.HasMore, third.HasMore).ShouldBe((true, true, false));
        backToSecond.Data.Select(t => t.Id).ShouldBe(newestFirst[10..20]);
        backToFirst.Data.Select(t => t.Id).ShouldBe(newestFirst[..10]);
        (backToSecond.HasMore, backToFirst.HasMore).ShouldBe((true, false));
        first.Url.ShouldBe("/v1/transfers");
        (await transfers.ListAsync()).Data.Count.ShouldBe(10, "the default limit");
        var everything = new List<string>();
        await foreach (var transfer in transfers.ListAutoPagingAsync(new TransferListOptions { Limit = 7 }))
        {
            everything.Add(transfer.Id);
        }

        everything.ShouldBe(newestFirst);
    }

    [Fact]
    public async Task A_transfers_reversals_page_like_any_list()
    {
        var (account, charge) = await SellerAndChargeAsync(5000);
        var transfer = await new TransferService(Stripe).CreateAsync(new TransferCreateOptions
        {
            Amount = 3000, Currency = "usd", Destination = account, SourceTransaction = charge,
        });
        var reversals = new TransferReversalService(Stripe);
        var made = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            made.Add((await reversals.CreateAsync(transfer.Id, new TransferReversalCreateOptions { Amount = 100 })).Id);
        }

        var first = await reversals.ListAsync(transfer.Id, new TransferReversalListOptions { Limit = 2 });
        var rest = await reversals.ListAsync(transfer.Id, new TransferReversalListOptions { Limit = 2, StartingAfter = first.Data[^1].Id });
        var back = await reversals.ListAsync(transfer.Id, new TransferReversalListOptions { Limit = 2, EndingBefore = rest.Data[0].Id });

        first.Data.Concat(rest.Data).Select(r => r.Id).ShouldBe(Enumerable.Reverse(made));
        (first.HasMore, rest.HasMore).ShouldBe((true, false));
        back.Data.Select(r => r.Id).ShouldBe(first.Data.Select(r => r.Id));
        first.Url.ShouldBe($"/v1/transfers/{transfer.Id}/reversals");
    }

    [Fact]
    public async Task A_checkout_sessions_line_items_page_in_the_order_given()
    {
        var sessions = new Stripe.Checkout.SessionService(Stripe);
        var session = await sessions.CreateAsync(new Stripe.Checkout.SessionCreateOptions
        {
            Mode = "payment", SuccessUrl = "https://shop.example/paid",
            LineItems = [.. new[] { "Serif", "Sans", "Mono" }.Select(name => new Stripe.Checkout.SessionLineItemOptions
            {
                Quantity = 1, PriceData = new() { Currency = "usd", UnitAmount = 900, ProductData = new() { Name = name } },
            })],
        });
        var items = new Stripe.Checkout.SessionLineItemService(Stripe);

        var first = await items.ListAsync(session.Id, new Stripe.Checkout.SessionLineItemListOptions { Limit = 2 });
        var rest = await items.ListAsync(session.Id, new Stripe.Checkout.SessionLineItemListOptions { Limit = 2, StartingAfter = first.Data[^1].Id });

        first.Data.Concat(rest.Data).Select(item => item.Description).ShouldBe(["Serif", "Sans", "Mono"]);
        (first.HasMore, rest.HasMore).ShouldBe((true, false));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task A_limit_outside_1_to_100_is_refused(long limit)
    {
        var refusal = await Should.ThrowAsync<StripeException>(() => new ChargeService(Stripe).ListAsync(new ChargeListOptions { Limit = limit }));

        refusal.HttpStatusCode.ShouldBe(HttpStatusCode.BadRequest);
        refusal.StripeError.Param.ShouldBe("limit");
        refusal.Message.ShouldBe("Invalid limit: must be between 1 and 100.");
    }

    [Fact]
    public async Task An_unknown_cursor_is_refused_as_a_missing_object_named_by_its_parameter()
    {
        var after = await Should.ThrowAsync<StripeException>(() => new RefundService(Stripe).ListAsync(new RefundListOptions { StartingAfter = "re_nope" }));
        var before = await Should.ThrowAsync<StripeException>(() => new EventService(Stripe).ListAsync(new EventListOptions { EndingBefore = "evt_nope" }));

        after.HttpStatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (after.StripeError.Code, after.StripeError.Param, after.Message).ShouldBe(("resource_missing", "starting_after", "No such refund: 're_nope'"));
        (before.StripeError.Code, before.StripeError.Param, before.Message).ShouldBe(("resource_missing", "ending_before", "No such event: 'evt_nope'"));
    }

    [Fact]
    public async Task Unknown_filters_and_filters_the_sandbox_does_not_emulate_are_refused_not_ignored()
    {
        var unknown = new ChargeListOptions();
        unknown.AddExtraParam("transfer_grup", "order-1");
        var unemulated = new PayoutListOptions { ArrivalDate = new DateRangeOptions { GreaterThan = DateTime.UtcNow } };

        var typo = await Should.ThrowAsync<StripeException>(() => new ChargeService(Stripe).ListAsync(unknown));
        var notEmulated = await Should.ThrowAsync<StripeException>(() => new PayoutService(Stripe).ListAsync(unemulated));
        var bothCursors = await Should.ThrowAsync<StripeException>(() =>
            new ChargeService(Stripe).ListAsync(new ChargeListOptions { StartingAfter = "ch_a", EndingBefore = "ch_b" }));

        (typo.StripeError.Code, typo.StripeError.Param).ShouldBe(("parameter_unknown", "transfer_grup"));
        notEmulated.StripeError.Param.ShouldBe("arrival_date");
        notEmulated.Message.ShouldContain("does not emulate the parameter arrival_date of GET /v1/payouts");
        bothCursors.Message.ShouldBe("You may only specify one of these parameters: ending_before, starting_after.");
    }

    [Fact]
    public async Task A_platform_list_never_shows_a_connected_accounts_objects_and_the_reverse()
    {
        var (account, charge) = await SellerAndChargeAsync(5000);
        await new TransferService(Stripe).CreateAsync(new TransferCreateOptions { Amount = 1000, Currency = "usd", Destination = account, SourceTransaction = charge });
        await new AccountService(Stripe).UpdateAsync(account, new AccountUpdateOptions { Email = "owner@shop.example" });
        var onAccount = new RequestOptions { StripeAccount = account };
        var balanceTransactions = new BalanceTransactionService(Stripe);

        var platformMoves = await balanceTransactions.ListAsync();
        var accountMoves = await balanceTransactions.ListAsync(null, onAccount);
        var platformEvents = await new EventService(Stripe).ListAsync(new EventListOptions { Limit = 100 });
        var accountEvents = await new EventService(Stripe).ListAsync(new EventListOptions { Limit = 100 }, onAccount);
        var chargesOnAccount = await new ChargeService(Stripe).ListAsync(null, onAccount);
        var foreignCursor = await Should.ThrowAsync<StripeException>(() =>
            balanceTransactions.ListAsync(new BalanceTransactionListOptions { StartingAfter = platformMoves.Data[0].Id }, onAccount));

        platformMoves.Data.Select(t => t.Type).ShouldBe(["transfer", "charge"]);
        accountMoves.Data.ShouldHaveSingleItem().Type.ShouldBe("payment");
        platformEvents.Data.ShouldNotBeEmpty();
        platformEvents.Data.ShouldAllBe(e => e.Account == null);
        accountEvents.Data.Select(e => e.Type).ShouldContain("account.updated");
        accountEvents.Data.ShouldAllBe(e => e.Account == account);
        chargesOnAccount.Data.ShouldBeEmpty();
        (await new ChargeService(Stripe).ListAsync()).Data.ShouldHaveSingleItem().Id.ShouldBe(charge);
        foreignCursor.StripeError.Code.ShouldBe("resource_missing");
    }

    /// <summary>An onboarded seller's account and a paid platform charge to transfer from.</summary>
    private async Task<(string Account, string Charge)> SellerAndChargeAsync(long amount)
    {
        var account = await CreateExpressAccountAsync();
        await ControlOnboardingAsync(account.Id);
        var intent = await PayCheckoutAsync(amount);
        return (account.Id, intent.LatestChargeId);
    }
}
