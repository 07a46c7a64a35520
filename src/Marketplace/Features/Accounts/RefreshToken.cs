namespace Marketplace.Features.Accounts;

/// <summary>
/// One refresh token, stored by the hash of its value. Each use replaces it with a new one of the same family; using
/// a replaced token again means it leaked, so the whole family is revoked.
/// </summary>
public sealed class RefreshToken
{
    /// <summary>SHA-256 of the token value (hex); the value itself is never stored.</summary>
    public string Id { get; set; } = "";
    public Guid UserId { get; set; }
    public Guid FamilyId { get; set; }
    public string SecurityStamp { get; set; } = "";
    public DateTimeOffset IssuedAt { get; set; }

    /// <summary>When the family's sign-in happened (null for families begun before this was kept).</summary>
    public DateTimeOffset? SignedInAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? ReplacedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    [Marten.Schema.Version]
    public Guid Version { get; set; }
}
