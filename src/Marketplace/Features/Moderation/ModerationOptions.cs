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

    /// <summary>An address members may also write to when they appeal a decision; the mails always point to the contact page.</summary>
    public string? AppealAddress { get; set; }
}
