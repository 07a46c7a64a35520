namespace Marketplace.Features.Orders;

/// <summary>
/// The smallest amount Stripe charges a card, in the currency's minor units (docs.stripe.com/currencies#minimum-and-maximum-charge-amounts):
/// a cart whose total is above zero but below it cannot be paid. A currency not listed takes the US dollar's 50.
/// </summary>
public static class StripeMinimums
{
    public const long Default = 50;

    private static readonly Dictionary<string, long> ByCurrency = new(StringComparer.OrdinalIgnoreCase)
    {
        ["usd"] = 50, ["aed"] = 200, ["aud"] = 50, ["bgn"] = 100, ["brl"] = 50, ["cad"] = 50, ["chf"] = 50, ["czk"] = 1500, ["dkk"] = 250,
        ["eur"] = 50, ["gbp"] = 30, ["hkd"] = 400, ["huf"] = 17500, ["inr"] = 50, ["jpy"] = 50, ["mxn"] = 1000, ["myr"] = 200, ["nok"] = 300,
        ["nzd"] = 50, ["pln"] = 200, ["ron"] = 200, ["sek"] = 300, ["sgd"] = 50, ["thb"] = 1000,
    };

    public static long Of(string currency) => ByCurrency.GetValueOrDefault(currency, Default);
}
