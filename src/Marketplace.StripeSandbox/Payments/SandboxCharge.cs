using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Payments;

/// <summary>A card charge, succeeded or failed; refunds and a dispute may follow a successful one.</summary>
public sealed class SandboxCharge : ISandboxListed
{
    public string Id { get; set; } = "";
    public long Created { get; set; }

    /// <summary>Where lists place it (<see cref="ISandboxListed"/>); stamped when first saved.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Whose object it is: a connected account's, or null for the platform's.</summary>
    public string? Account { get; set; }
    public long Amount { get; set; }
    public long AmountRefunded { get; set; }
    public string Currency { get; set; } = "usd";
    public string Status { get; set; } = "succeeded";
    public string? PaymentIntent { get; set; }
    public string PaymentMethod { get; set; } = "";
    public string? BalanceTransaction { get; set; }
    public TestCard Card { get; set; } = TestCard.Visa;
    public string? BillingName { get; set; }
    public string? BillingEmail { get; set; }
    public string? Description { get; set; }
    public string? TransferGroup { get; set; }
    public string? StatementDescriptor { get; set; }
    public Dictionary<string, string> Metadata { get; set; } = [];
    public CardDecline? Failure { get; set; }
    public bool Disputed { get; set; }

    /// <summary>Stripe's disputed test card, only authorized so far: the dispute it promises is opened when the charge is captured.</summary>
    public bool DisputeOnCapture { get; set; }

    /// <summary>How much of the charge has been transferred to connected accounts (transfers with it as source).</summary>
    public long AmountTransferred { get; set; }

    /// <summary>False while a manual-capture authorization waits for its capture.</summary>
    public bool Captured { get; set; } = true;

    public long AmountCaptured { get; set; }

    /// <summary>The part of the authorization never captured (released on capture or cancel); counted in amount_refunded.</summary>
    public long AmountReleased { get; set; }

    /// <summary>When the charge's funds become available (its balance transaction's <c>available_on</c>).</summary>
    public long FundsAvailableOn { get; set; }

    public string? OnBehalfOf { get; set; }
    public string? TransferDestination { get; set; }
    public long? TransferAmount { get; set; }
    public long? ApplicationFeeAmount { get; set; }

    /// <summary>The destination charge's automatic transfer (<c>tr_...</c>) and application fee (<c>fee_...</c>).</summary>
    public string? Transfer { get; set; }

    public string? ApplicationFee { get; set; }

    [Marten.Schema.Version]
    public Guid Version { get; set; }

    public bool Paid => Status == "succeeded";

    public long Refundable => Paid && Captured ? AmountCaptured - (AmountRefunded - AmountReleased) : 0;
}
