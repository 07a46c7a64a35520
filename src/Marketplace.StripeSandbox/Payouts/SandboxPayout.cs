using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Payouts;

/// <summary>A payout from a balance to a bank account: pending when created, then paid or failed.</summary>
public sealed class SandboxPayout : ISandboxListed
{
    public string Id { get; set; } = "";

    /// <summary>The connected account paid out, or null for the platform's own payout.</summary>
    public string? Account { get; set; }

    public long Amount { get; set; }
    public string Currency { get; set; } = "usd";
    public long Created { get; set; }

    /// <summary>Where lists place it (<see cref="ISandboxListed"/>); stamped when first saved.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    public long ArrivalDate { get; set; }
    public string Status { get; set; } = "pending";
    public string? Description { get; set; }
    public string? StatementDescriptor { get; set; }
    public string Method { get; set; } = "standard";
    public string? Destination { get; set; }
    public string BalanceTransaction { get; set; } = "";
    public string? FailureBalanceTransaction { get; set; }
    public string? FailureCode { get; set; }
    public string? FailureMessage { get; set; }
    public Dictionary<string, string> Metadata { get; set; } = [];

    /// <summary>How the payout will end (paid, or failed with <see cref="IntendedFailureCode"/>), chosen when created.</summary>
    public string IntendedOutcome { get; set; } = "paid";

    public string? IntendedFailureCode { get; set; }

    /// <summary>Stripe's <c>payout</c> object, field for field as in Stripe's published fixtures.</summary>
    public JsonObject Render() => new()
    {
        ["id"] = Id,
        ["object"] = "payout",
        ["amount"] = Amount,
        ["application_fee"] = null,
        ["application_fee_amount"] = null,
        ["arrival_date"] = ArrivalDate,
        ["automatic"] = false,
        ["balance_transaction"] = BalanceTransaction,
        ["created"] = Created,
        ["currency"] = Currency,
        ["description"] = Description,
        ["destination"] = Destination,
        ["failure_balance_transaction"] = FailureBalanceTransaction,
        ["failure_code"] = FailureCode,
        ["failure_message"] = FailureMessage,
        ["livemode"] = false,
        ["metadata"] = StripeJson.Map(Metadata),
        ["method"] = Method,
        ["original_payout"] = null,
        ["payout_method"] = null,
        ["reconciliation_status"] = Status == "paid" ? "completed" : "not_applicable",
        ["reversed_by"] = null,
        ["source_type"] = "card",
        ["statement_descriptor"] = StatementDescriptor,
        ["status"] = Status,
        ["trace_id"] = new JsonObject { ["status"] = Status == "paid" ? "supported" : "pending", ["value"] = null },
        ["type"] = "bank_account",
    };
}

/// <summary>Ends a pending payout as it was meant to end (queued in the transaction that created it).</summary>
public sealed record SettleSandboxPayout(string PayoutId);
