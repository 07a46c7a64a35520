using Marketplace.Features.Orders;
using Microsoft.Extensions.Configuration;

namespace Marketplace.Tests.Features.Orders;

/// <summary>The fee rule (docs/orders.md#fees): integer minor units, and the shares plus the platform's fee are the charge, always.</summary>
public sealed class FeeTests
{
    [Fact]
    public void Over_ten_thousand_random_carts_the_shares_plus_the_fee_are_the_amount_charged()
    {
        var random = new Random(14);
        for (var cart = 0; cart < 10_000; cart++)
        {
            var shops = Enumerable.Range(0, random.Next(1, 6)).Select(_ => Guid.NewGuid()).ToArray();
            var lines = Enumerable.Range(0, random.Next(1, 11)).Select(_ => (Shop: shops[random.Next(shops.Length)], Amount: (long)random.Next(1, 1_000_001))).ToList();
            var fees = shops.ToDictionary(s => s, _ => new FeeSettings { BasisPoints = random.Next(0, 10_001), Fixed = random.Next(0, 3) == 0 ? 0 : random.Next(0, 2_000) });
            var charged = lines.Sum(l => l.Amount);

            var split = Fees.Split(lines.GroupBy(l => l.Shop).Select(g => new Fees.ShopSubtotal(g.Key, g.Sum(l => l.Amount), fees[g.Key])));

            (split.Sum(s => s.Share) + split.Sum(s => s.Fee)).ShouldBe(charged);
            foreach (var shop in split)
            {
                shop.Share.ShouldBeGreaterThanOrEqualTo(0);
                shop.Fee.ShouldBeGreaterThanOrEqualTo(0);
                var exact = shop.Subtotal * (decimal)fees[shop.ShopId].BasisPoints / 10_000m + fees[shop.ShopId].Fixed;
                shop.Fee.ShouldBe((long)Math.Min(shop.Subtotal, Math.Round(exact, MidpointRounding.AwayFromZero)));
            }
        }
    }

    [Fact]
    public void Fees_seeded_from_the_settings_give_a_shop_named_there_its_own_fee_and_every_other_shop_the_default()
    {
        var special = Guid.NewGuid();
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orders:Fee:BasisPoints"] = "800",
            ["Orders:Fee:Fixed"] = "25",
            [$"Orders:ShopFees:{special}:BasisPoints"] = "300",
            [$"Orders:ShopFees:{special}:Fixed"] = "0",
        }).Build();
        var options = new OrderOptions();
        Microsoft.Extensions.Configuration.ConfigurationBinder.Bind(configuration.GetSection(OrderOptions.Section), options);

        var seeded = PlatformFees.From(options);

        seeded.FeeOf(special).ShouldBe(new FeeSettings { BasisPoints = 300, Fixed = 0 });
        seeded.FeeOf(Guid.NewGuid()).ShouldBe(new FeeSettings { BasisPoints = 800, Fixed = 25 });
    }

    [Theory]
    [InlineData(1500, 1000, 30, 180)]
    [InlineData(5, 1000, 0, 1)]
    [InlineData(4, 1000, 0, 0)]
    [InlineData(25, 1000, 30, 25)]
    [InlineData(999_999, 1_250, 0, 125_000)]
    public void The_percentage_rounds_half_up_and_the_fee_never_exceeds_the_subtotal(long subtotal, int basisPoints, long fixedFee, long fee) =>
        Fees.FeeOf(subtotal, new FeeSettings { BasisPoints = basisPoints, Fixed = fixedFee }).ShouldBe(fee);
}
