namespace Marketplace.Features.Moderation;

/// <summary>Moderation settings (section <c>Moderation</c>), read each time they are needed.</summary>
public sealed class ModerationOptions
{
    public const string Section = "Moderation";

    /// <summary>How old an account must be before its flags count towards hiding a post.</summary>
    public TimeSpan TrustedFlaggerAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How many distinct trusted members flag a post before it is hidden until reviewed.</summary>
    public int FlagsToHide { get; set; } = 3;

    /// <summary>How long a moderator's claim on a queue item keeps other moderators off it.</summary>
    public TimeSpan ClaimFor { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How many of a shop's products a moderator approves before the shop publishes on its own: until that many were
    /// approved, each product it publishes awaits review. 0: none is reviewed.
    /// </summary>
    public int ReviewFirstProducts { get; set; } = 1;
}
