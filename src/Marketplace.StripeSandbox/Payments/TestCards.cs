namespace Marketplace.StripeSandbox.Payments;

/// <summary>The card a charge was made with, as Stripe reports it (never the full number).</summary>
public sealed record TestCard(string Brand, string Last4, string Funding = "credit", int ExpMonth = 12, int ExpYear = 2034)
{
    public static readonly TestCard Visa = new("visa", "4242");
}

/// <summary>
/// Stripe's test card numbers: 4242 4242 4242 4242 (and the other brands' success numbers) succeed,
/// 4000 0000 0000 0002 is declined, 4000 0000 0000 9995 lacks funds, 4000 0000 0000 0259 succeeds and is then
/// disputed; any other number is refused as incorrect.
/// </summary>
public static class TestCards
{
    /// <summary>The card, the decline (with a card: a failed charge; without: refused before any charge), and whether a dispute follows.</summary>
    public sealed record Verdict(TestCard? Card, CardDecline? Decline, bool Disputed = false);

    private const string Declined = "Your card was declined.";

    public static Verdict Check(string? number)
    {
        var digits = new string((number ?? "").Where(char.IsAsciiDigit).ToArray());
        var last4 = digits.Length >= 4 ? digits[^4..] : digits;
        return digits switch
        {
            "4242424242424242" or "4000056655665556" => new(new TestCard("visa", last4, digits == "4242424242424242" ? "credit" : "debit"), null),
            "5555555555554444" => new(new TestCard("mastercard", last4), null),
            "378282246310005" => new(new TestCard("amex", last4), null),
            "4000000000000259" => new(new TestCard("visa", last4), null, Disputed: true),
            "4000000000000002" => new(new TestCard("visa", last4), new CardDecline("card_declined", "generic_decline", Declined)),
            "4000000000009995" => new(new TestCard("visa", last4), new CardDecline("card_declined", "insufficient_funds", "Your card has insufficient funds.")),
            "4000000000009987" => new(new TestCard("visa", last4), new CardDecline("card_declined", "lost_card", Declined)),
            "4000000000000069" => new(new TestCard("visa", last4), new CardDecline("expired_card", "expired_card", "Your card has expired.")),
            "4000000000000127" => new(new TestCard("visa", last4), new CardDecline("incorrect_cvc", "incorrect_cvc", "Your card's security code is incorrect.")),
            _ => new(null, new CardDecline("incorrect_number", null, "Your card number is incorrect.")),
        };
    }
}
