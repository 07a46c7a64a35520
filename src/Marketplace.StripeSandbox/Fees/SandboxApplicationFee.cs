using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Connect;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Fees;

/// <summary>
/// The platform's cut of a destination charge (<c>fee_...</c>): taken from the connected account's payment
/// (<see cref="Charge"/>, its <c>py_...</c>) and credited to the platform, with its refunds. <see cref="FromAccount"/> is
/// the account it was taken from (Stripe's <c>account</c> field); the fee belongs to the platform, whose API lists and
/// reads it (<see cref="Account"/>, the owner, is the platform's null).
/// </summary>
public sealed class SandboxApplicationFee : ISandboxListed
{
    public string Id { get; set; } = "";
    public string FromAccount { get; set; } = "";

    public string? Account { get; set; }
    public long Amount { get; set; }
    public long AmountRefunded { get; set; }
    public string Currency { get; set; } = "usd";
    public string Charge { get; set; } = "";
    public string OriginatingTransaction { get; set; } = "";
    public string BalanceTransaction { get; set; } = "";
    public long Created { get; set; }

    /// <summary>The creation time to the tick, which orders fees created within the same second.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    public List<SandboxFeeRefund> Refunds { get; set; } = [];

    [Marten.Schema.Version]
    public Guid Version { get; set; }

    public long Refundable => Amount - AmountRefunded;

    /// <summary>Stripe's <c>application_fee</c> object, field for field as in Stripe's OpenAPI description.</summary>
    public JsonObject Render() => new()
    {
        ["id"] = Id,
        ["object"] = "application_fee",
        ["account"] = FromAccount,
        ["amount"] = Amount,
        ["amount_refunded"] = AmountRefunded,
        ["application"] = SandboxApplication.Id,
        ["balance_transaction"] = BalanceTransaction,
        ["charge"] = Charge,
        ["created"] = Created,
        ["currency"] = Currency,
        ["fee_source"] = new JsonObject { ["charge"] = Charge, ["type"] = "charge" },
        ["livemode"] = false,
        ["originating_transaction"] = OriginatingTransaction,
        ["refunded"] = AmountRefunded == Amount,
        ["refunds"] = StripeJson.List($"/v1/application_fees/{Id}/refunds", Refunds.OrderByDescending(r => r.Created).Select(r => (JsonNode)r.Render(Id))),
    };
}

/// <summary>Part or all of an application fee given back to the connected account (<c>fr_...</c>).</summary>
public sealed class SandboxFeeRefund
{
    public string Id { get; set; } = "";
    public long Amount { get; set; }
    public string Currency { get; set; } = "usd";
    public string BalanceTransaction { get; set; } = "";
    public long Created { get; set; }
    public Dictionary<string, string> Metadata { get; set; } = [];

    /// <summary>Stripe's <c>fee_refund</c> object.</summary>
    public JsonObject Render(string feeId) => new()
    {
        ["id"] = Id,
        ["object"] = "fee_refund",
        ["amount"] = Amount,
        ["balance_transaction"] = BalanceTransaction,
        ["created"] = Created,
        ["currency"] = Currency,
        ["fee"] = feeId,
        ["metadata"] = StripeJson.Map(Metadata),
    };
}
