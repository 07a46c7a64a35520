namespace Marketplace.StripeSandbox.Connect;

/// <summary>An account link: one visit to the hosted onboarding, valid for five minutes and for one submission.</summary>
public sealed class SandboxAccountLink
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>The unguessable token in the link's URL.</summary>
    public string Id { get; set; } = "";

    public string Account { get; set; } = "";
    public string Type { get; set; } = "account_onboarding";
    public string RefreshUrl { get; set; } = "";
    public string ReturnUrl { get; set; } = "";
    public long Created { get; set; }
    public long ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }

    [Marten.Schema.Version]
    public Guid Version { get; set; }

    public bool IsUsable(DateTimeOffset now) => UsedAt is null && now.ToUnixTimeSeconds() < ExpiresAt;
}

/// <summary>A login link to the sandbox's Express dashboard of one account.</summary>
public sealed class SandboxLoginLink
{
    public string Id { get; set; } = "";
    public string Account { get; set; } = "";
    public long Created { get; set; }
}
