namespace Marketplace.StripeSandbox.Connect;

/// <summary>A connected account as the sandbox keeps it; <see cref="AccountObject"/> renders it as Stripe's <c>account</c>.</summary>
public sealed class SandboxAccount
{
    public string Id { get; set; } = "";
    public long Created { get; set; }

    /// <summary>The legacy type asked for (standard, express, custom); null for an account created with controller properties.</summary>
    public string? RequestedType { get; set; }

    public AccountControl Controller { get; set; } = new();
    public string Country { get; set; } = "US";
    public string DefaultCurrency { get; set; } = "usd";
    public string? Email { get; set; }
    public string? BusinessType { get; set; }
    public AccountBusinessProfile BusinessProfile { get; set; } = new();

    /// <summary>Each requested capability and its status (inactive, pending, active).</summary>
    public Dictionary<string, string> Capabilities { get; set; } = [];

    public Dictionary<string, string> Metadata { get; set; } = [];
    public bool DetailsSubmitted { get; set; }
    public bool ChargesEnabled { get; set; }
    public bool PayoutsEnabled { get; set; }
    public List<string> CurrentlyDue { get; set; } = [];
    public List<string> PastDue { get; set; } = [];
    public string? DisabledReason { get; set; }
    public long? TosAcceptedAt { get; set; }
    public string? TosAcceptedFrom { get; set; }
    public string? TosUserAgent { get; set; }

    public PayoutSchedule PayoutSchedule { get; set; } = new();

    /// <summary>The bank account payouts go to, once onboarding provided one.</summary>
    public string? BankAccountId { get; set; }

    public bool Deauthorized { get; set; }

    [Marten.Schema.Version]
    public Guid Version { get; set; }

    /// <summary>What Stripe asks of a new US individual before it enables charges and payouts.</summary>
    public static readonly IReadOnlyList<string> InitialRequirements =
    [
        "business_profile.mcc", "business_profile.url", "external_account", "individual.address.city", "individual.address.line1",
        "individual.address.postal_code", "individual.address.state", "individual.dob.day", "individual.dob.month", "individual.dob.year",
        "individual.email", "individual.first_name", "individual.last_name", "individual.phone", "individual.ssn_last_4",
        "tos_acceptance.date", "tos_acceptance.ip",
    ];
}

/// <summary>The account's controller properties: who pays fees, who bears losses, who collects requirements, which dashboard.</summary>
public sealed class AccountControl
{
    public string FeesPayer { get; set; } = "account";
    public string LossesPayments { get; set; } = "stripe";
    public string RequirementCollection { get; set; } = "stripe";
    public string StripeDashboard { get; set; } = "full";

    /// <summary><c>application</c> when the platform controls the account, <c>account</c> for a standard account.</summary>
    public string Type { get; set; } = "application";
}

public sealed class AccountBusinessProfile
{
    public string? Name { get; set; }
    public string? Url { get; set; }
    public string? Mcc { get; set; }
    public string? ProductDescription { get; set; }
    public string? SupportEmail { get; set; }
    public string? SupportPhone { get; set; }
    public string? SupportUrl { get; set; }
}
