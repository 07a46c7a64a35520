namespace Marketplace.Features.Moderation;

/// <summary>Moderation settings (section <c>Moderation</c>), read each time they are needed.</summary>
public sealed class ModerationOptions
{
    public const string Section = "Moderation";

    /// <summary>The trust level (<c>Trust</c> section) a member must have reached before their flags count towards hiding a post.</summary>
    public int TrustedFlaggerLevel { get; set; } = 1;

    /// <summary>How many distinct trusted members flag a post before it is hidden until reviewed.</summary>
    public int FlagsToHide { get; set; } = 3;

    /// <summary>How long a moderator's claim on a queue item keeps other moderators off it.</summary>
    public TimeSpan ClaimFor { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How many of a shop's products a moderator approves before the shop publishes on its own: until that many were
    /// approved, each product it publishes awaits review. 0: none is reviewed.
    /// </summary>
    public int ReviewFirstProducts { get; set; } = 1;
    /// <summary>An address members may also write to when they appeal a decision; the mails always point to the contact page.</summary>
    public string? AppealAddress { get; set; }
}
