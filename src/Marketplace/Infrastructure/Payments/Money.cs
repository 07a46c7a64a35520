using System.Globalization;

namespace Marketplace.Infrastructure.Payments;

/// <summary>An amount in the currency's minor units (cents; yen for zero-decimal currencies), as Stripe counts it.</summary>
public sealed record Money(long Amount, string Currency)
{
    /// <summary>Stripe's zero-decimal currencies: an amount of 500 is 500 of them, not 5.00.</summary>
    private static readonly IReadOnlySet<string> ZeroDecimal = new HashSet<string>(StringComparer.Ordinal)
    {
        "bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf",
    };

    public static bool IsZeroDecimal(string currency) => ZeroDecimal.Contains(currency.ToLowerInvariant());

    /// <summary>"19.99 USD", "500 JPY": exact, culture-independent, for mail and pages.</summary>
    public static string Format(long amount, string currency) => IsZeroDecimal(currency)
        ? $"{amount.ToString("N0", CultureInfo.InvariantCulture)} {currency.ToUpperInvariant()}"
        : $"{(amount / 100m).ToString("N2", CultureInfo.InvariantCulture)} {currency.ToUpperInvariant()}";

    public override string ToString() => Format(Amount, Currency);
}
