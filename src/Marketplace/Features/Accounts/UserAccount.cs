namespace Marketplace.Features.Accounts;

/// <summary>
/// A person's account: the Identity user, stored as one Marten document. Roles, claims, external logins and
/// authentication tokens live inside it, so the user store needs no joins.
/// </summary>
public sealed class UserAccount
{
    public Guid Id { get; set; }
    public string? Email { get; set; }
    public string? NormalizedEmail { get; set; }
    public bool EmailConfirmed { get; set; }
    public string? UserName { get; set; }
    public string? NormalizedUserName { get; set; }
    public string DisplayName { get; set; } = "";

    /// <summary>What others type to mention the member (<see cref="MemberHandles"/>); set when the account is created.</summary>
    public string? Handle { get; set; }

    /// <summary>The handle in lower case: unique, so that no two members differ by case alone.</summary>
    public string? NormalizedHandle { get; set; }
    public string? PasswordHash { get; set; }
    public string? SecurityStamp { get; set; }
    public string? ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString();
    public string? PhoneNumber { get; set; }
    public bool PhoneNumberConfirmed { get; set; }
    public bool TwoFactorEnabled { get; set; }
    public string? AuthenticatorKey { get; set; }

    /// <summary>The TOTP time step of the last accepted authenticator code; that code and older ones are spent.</summary>
    public long LastAuthenticatorStep { get; set; }

    /// <summary>SHA-256 hashes of the unused recovery codes; the codes themselves are shown once and never stored.</summary>
    public List<string> RecoveryCodeHashes { get; set; } = [];

    public DateTimeOffset? LockoutEnd { get; set; }
    public bool LockoutEnabled { get; set; } = true;
    public int AccessFailedCount { get; set; }
    public List<string> Roles { get; set; } = [];
    public List<StoredClaim> Claims { get; set; } = [];
    public List<StoredLogin> Logins { get; set; } = [];
    public List<StoredToken> Tokens { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Marten's optimistic concurrency: a write based on a stale copy fails instead of losing an update.</summary>
    [Marten.Schema.Version]
    public Guid Version { get; set; }

    /// <summary>Set when the person deleted the account; the document stays as an anonymous tombstone.</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    public bool IsInRole(string role) => Roles.Contains(role, StringComparer.Ordinal);
}

public sealed record StoredClaim(string Type, string Value);

public sealed record StoredLogin(string LoginProvider, string ProviderKey, string? DisplayName);

public sealed record StoredToken(string LoginProvider, string Name, string? Value);
