namespace Marketplace.Features.Downloads.Links;

/// <summary>What a download link grants and until when: one file of one entitlement, to its buyer; and when it was issued.</summary>
public sealed record SignedLink(Guid EntitlementId, Guid FileId, Guid BuyerId, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, string KeyId);

/// <summary>What checking a link found. Only a <see cref="Valid"/> link may touch the database or storage.</summary>
public abstract record LinkCheck
{
    private LinkCheck()
    {
    }

    public sealed record Valid(SignedLink Link) : LinkCheck;

    /// <summary>Malformed, signed with an unknown or retired key, or altered: nothing of it can be trusted.</summary>
    public sealed record Tampered(string Why) : LinkCheck;

    /// <summary>Genuine, but its time is over (the buyer asks for a fresh one in the library).</summary>
    public sealed record Expired(SignedLink Link) : LinkCheck;
}
