using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Transfers;

/// <summary>A transfer from the platform's balance to a connected account's, and its reversals.</summary>
public sealed class SandboxTransfer : ISandboxListed
{
    public string Id { get; set; } = "";
    public long Created { get; set; }

    /// <summary>Where lists place it (<see cref="ISandboxListed"/>); stamped when first saved.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Whose object it is: a connected account's, or null for the platform's.</summary>
    public string? Account { get; set; }
    public long Amount { get; set; }
    public long AmountReversed { get; set; }
    public string Currency { get; set; } = "usd";
    public string Destination { get; set; } = "";
    public string DestinationPayment { get; set; } = "";
    public string BalanceTransaction { get; set; } = "";

    /// <summary>The destination's side: the balance transaction of its <see cref="DestinationPayment"/>.</summary>
    public string? DestinationBalanceTransaction { get; set; }

    /// <summary>The application fee taken from the destination's payment (destination charges).</summary>
    public string? ApplicationFee { get; set; }

    public string? SourceTransaction { get; set; }
    public string? TransferGroup { get; set; }
    public string? Description { get; set; }
    public Dictionary<string, string> Metadata { get; set; } = [];
    public List<SandboxTransferReversal> Reversals { get; set; } = [];

    [Marten.Schema.Version]
    public Guid Version { get; set; }

    /// <summary>The reversals as Stripe lists them; they are kept in the order they were made.</summary>
    public IReadOnlyList<SandboxTransferReversal> NewestReversalsFirst() => [.. Enumerable.Reverse(Reversals)];

    /// <summary>Stripe's <c>transfer</c> object, field for field as in Stripe's published fixtures.</summary>
    public JsonObject Render() => new()
    {
        ["id"] = Id,
        ["object"] = "transfer",
        ["amount"] = Amount,
        ["amount_reversed"] = AmountReversed,
        ["balance_transaction"] = BalanceTransaction,
        ["created"] = Created,
        ["currency"] = Currency,
        ["description"] = Description,
        ["destination"] = Destination,
        ["destination_payment"] = DestinationPayment,
        ["livemode"] = false,
        ["metadata"] = StripeJson.Map(Metadata),
        ["reversals"] = StripeJson.List($"/v1/transfers/{Id}/reversals", NewestReversalsFirst().Select(r => (JsonNode)r.Render(Id))),
        ["reversed"] = AmountReversed == Amount,
        ["source_transaction"] = SourceTransaction,
        ["source_type"] = "card",
        ["transfer_group"] = TransferGroup,
    };
}

/// <summary>Money taken back from the connected account, for all or part of a transfer.</summary>
public sealed class SandboxTransferReversal
{
    public string Id { get; set; } = "";
    public long Created { get; set; }
    public long Amount { get; set; }
    public string Currency { get; set; } = "usd";
    public string BalanceTransaction { get; set; } = "";

    /// <summary>The refund of the source charge this reversal came with (<c>reverse_transfer</c>), if any.</summary>
    public string? SourceRefund { get; set; }

    public Dictionary<string, string> Metadata { get; set; } = [];

    /// <summary>Stripe's <c>transfer_reversal</c> object, field for field as in Stripe's published fixtures.</summary>
    public JsonObject Render(string transferId) => new()
    {
        ["id"] = Id,
        ["object"] = "transfer_reversal",
        ["amount"] = Amount,
        ["balance_transaction"] = BalanceTransaction,
        ["created"] = Created,
        ["currency"] = Currency,
        ["destination_payment_refund"] = null,
        ["metadata"] = StripeJson.Map(Metadata),
        ["source_refund"] = SourceRefund,
        ["transfer"] = transferId,
    };
}
