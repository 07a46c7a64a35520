using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Connect;
using Marketplace.StripeSandbox.Wire;
using Marten;

namespace Marketplace.StripeSandbox.Balances;

/// <summary>
/// One movement of a balance (a charge, its fee, a refund, a transfer, a payout, a dispute): <c>pending</c> until its
/// <see cref="AvailableOn"/>, then <c>available</c> (<see cref="SandboxFunds"/> settles it).
/// </summary>
public sealed class SandboxBalanceTransaction : ISandboxListed
{
    public const string Pending = "pending";
    public const string Available = "available";

    public string Id { get; set; } = "";

    /// <summary>Whose balance moved: a connected account, or null for the platform.</summary>
    public string? Account { get; set; }

    public long Amount { get; set; }
    public long Fee { get; set; }

    /// <summary>What <see cref="Fee"/> is: Stripe's processing fee (<c>stripe_fee</c>) or the platform's (<c>application_fee</c>).</summary>
    public string FeeType { get; set; } = "stripe_fee";

    public string Currency { get; set; } = "usd";
    public string Type { get; set; } = "charge";
    public string ReportingCategory { get; set; } = "charge";
    public string? Source { get; set; }
    public string? Description { get; set; }
    public long Created { get; set; }
    public long AvailableOn { get; set; }
    public string Status { get; set; } = Available;

    public long Net => Amount - Fee;

    /// <summary>Where lists place it (<see cref="ISandboxListed"/>); stamped when first saved.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Stripe's fee on a card payment in the US: 2.9% plus 30 cents.</summary>
    public static long CardFee(long amount) => (long)Math.Round(amount * 0.029m, MidpointRounding.AwayFromZero) + 30;

    /// <summary>Records a movement; the object that caused it points at its <see cref="Id"/> (<c>txn_...</c>).</summary>
    public static SandboxBalanceTransaction Record(
        IDocumentSession session, long created, string? account, long amount, string currency, string type, string? source,
        long fee = 0, string? description = null, string? reportingCategory = null)
    {
        var transaction = new SandboxBalanceTransaction
        {
            Id = SandboxIds.New("txn"), Account = account, Amount = amount, Fee = fee, Currency = currency, Type = type,
            ReportingCategory = reportingCategory ?? type, Source = source, Description = description, Created = created, AvailableOn = created,
        };
        session.Insert(transaction);
        return transaction;
    }

    /// <summary>Stripe's <c>balance_transaction</c> object, field for field as in Stripe's published fixtures.</summary>
    public JsonObject Render() => new()
    {
        ["id"] = Id,
        ["object"] = "balance_transaction",
        ["amount"] = Amount,
        ["available_on"] = AvailableOn == 0 ? Created : AvailableOn,
        ["balance_type"] = "payments",
        ["created"] = Created,
        ["currency"] = Currency,
        ["description"] = Description,
        ["exchange_rate"] = null,
        ["fee"] = Fee,
        ["fee_details"] = Fee == 0 ? new JsonArray() : new JsonArray(new JsonObject
        {
            ["amount"] = Fee,
            ["application"] = FeeType == "application_fee" ? SandboxApplication.Id : null,
            ["currency"] = Currency,
            ["description"] = FeeType == "application_fee" ? "Application fee" : "Stripe processing fees",
            ["type"] = FeeType,
        }),
        ["net"] = Net,
        ["reporting_category"] = ReportingCategory,
        ["source"] = Source,
        ["status"] = Status,
        ["type"] = Type,
    };
}
