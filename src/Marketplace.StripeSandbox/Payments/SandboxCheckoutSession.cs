using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Payments;

/// <summary>A Checkout Session in payment mode: open until paid (complete) or expired.</summary>
public sealed class SandboxCheckoutSession : ISandboxListed
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(24);

    public string Id { get; set; } = "";
    public long Created { get; set; }

    /// <summary>Where lists place it (<see cref="ISandboxListed"/>); stamped when first saved.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Whose object it is: a connected account's, or null for the platform's.</summary>
    public string? Account { get; set; }
    public long ExpiresAt { get; set; }
    public string Status { get; set; } = "open";
    public string PaymentStatus { get; set; } = "unpaid";
    public string Currency { get; set; } = "usd";
    public List<CheckoutLineItem> LineItems { get; set; } = [];
    public string SuccessUrl { get; set; } = "";
    public string? CancelUrl { get; set; }
    public string? ClientReferenceId { get; set; }
    public string? CustomerEmail { get; set; }
    public Dictionary<string, string> Metadata { get; set; } = [];
    public PaymentIntentData PaymentIntentData { get; set; } = new();
    public string? PaymentIntent { get; set; }
    public string? PaidEmail { get; set; }
    public string? PaidName { get; set; }

    /// <summary>The hosted page's address, fixed when the session was created (at the sandbox's public URL then).</summary>
    public string HostedUrl { get; set; } = "";

    [Marten.Schema.Version]
    public Guid Version { get; set; }

    public long AmountTotal => LineItems.Sum(item => item.UnitAmount * item.Quantity);

    public bool IsOpen(DateTimeOffset now) => Status == "open" && now.ToUnixTimeSeconds() < ExpiresAt;

    /// <summary>Where the buyer goes once paid: the success URL with <c>{CHECKOUT_SESSION_ID}</c> filled in.</summary>
    public string SuccessRedirect => SuccessUrl.Replace("{CHECKOUT_SESSION_ID}", Id, StringComparison.Ordinal);
}

public sealed record CheckoutLineItem(string Name, string? Description, long UnitAmount, long Quantity, string Currency);

/// <summary>What the session's payment intent is created with.</summary>
public sealed class PaymentIntentData
{
    public string? Description { get; set; }
    public string? TransferGroup { get; set; }
    public string? ReceiptEmail { get; set; }
    public string? StatementDescriptor { get; set; }
    public Dictionary<string, string> Metadata { get; set; } = [];
    public string CaptureMethod { get; set; } = "automatic_async";
    public string? OnBehalfOf { get; set; }
    public string? TransferDestination { get; set; }
    public long? TransferAmount { get; set; }
    public long? ApplicationFeeAmount { get; set; }
}
