namespace Marketplace.Features.Moderation.Trust;

/// <summary>
/// What a member must have done to reach each trust level (section <c>Trust</c>: <c>Trust:Level1:Posts</c>...), read each
/// time a member's level is worked out. Every threshold of a level must be met; a threshold of 0 asks for nothing.
/// </summary>
public sealed class TrustOptions
{
    public const string Section = "Trust";

    /// <summary>Basic: has been around a day and looked at a few threads; may post links and images, posts at the normal pace.</summary>
    public TrustThresholds Level1 { get; set; } = new() { DaysSinceJoin = 1, TopicsEntered = 5 };

    /// <summary>Member: a week in, has taken part and been liked.</summary>
    public TrustThresholds Level2 { get; set; } = new() { DaysSinceJoin = 7, TopicsEntered = 20, Posts = 3, LikesReceived = 1 };

    /// <summary>Regular: a month in, a steady contributor and a customer.</summary>
    public TrustThresholds Level3 { get; set; } = new() { DaysSinceJoin = 30, TopicsEntered = 50, Posts = 20, LikesReceived = 10, Purchases = 1 };

    /// <summary>The thresholds of a level from 1 to 3.</summary>
    public TrustThresholds For(int level) => level switch
    {
        1 => Level1,
        2 => Level2,
        3 => Level3,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Trust levels with thresholds are 1 to 3."),
    };
}

/// <summary>One level's thresholds.</summary>
public sealed class TrustThresholds
{
    public int DaysSinceJoin { get; set; }

    /// <summary>Distinct threads the member opened (page or live), or posted in.</summary>
    public int TopicsEntered { get; set; }

    /// <summary>Visible posts written, first posts of threads included.</summary>
    public int Posts { get; set; }

    public int LikesReceived { get; set; }

    /// <summary>Products bought and not refunded.</summary>
    public int Purchases { get; set; }
}
