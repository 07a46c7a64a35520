using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Connect;

/// <summary>
/// When an account's available balance is paid out (<c>settings.payouts.schedule</c>): Stripe's default for a US
/// account is daily, two days after a charge. The sandbox makes no automatic payouts, so it is kept and shown only.
/// </summary>
public sealed class PayoutSchedule
{
    public const int DefaultDelayDays = 2;

    public string Interval { get; set; } = "daily";
    public int DelayDays { get; set; } = DefaultDelayDays;
    public string? WeeklyAnchor { get; set; }
    public int? MonthlyAnchor { get; set; }

    /// <summary>Applies <c>settings[payouts][schedule][...]</c>; an anchor is required by, and kept only for, its interval.</summary>
    public void Apply(StripeForm form)
    {
        const string Prefix = "settings[payouts][schedule]";
        if (form.Object("settings", "payouts", "schedule") is not { } schedule)
        {
            return;
        }

        Interval = schedule.String("interval") ?? Interval;
        DelayDays = schedule.String("delay_days") switch
        {
            null => DelayDays,
            "minimum" => DefaultDelayDays,
            _ => schedule.Long("delay_days") is >= DefaultDelayDays and <= 365 and var days ? (int)days
                : throw StripeApiException.Invalid($"{Prefix}[delay_days]", $"Invalid delay_days: must be between {DefaultDelayDays} and 365, or minimum."),
        };
        WeeklyAnchor = Interval == "weekly" ? schedule.String("weekly_anchor") ?? WeeklyAnchor ?? throw StripeApiException.Missing($"{Prefix}[weekly_anchor]") : null;
        MonthlyAnchor = Interval == "monthly"
            ? (int?)(schedule.Long("monthly_anchor") is { } day ? day is >= 1 and <= 31 ? (int)day
                : throw StripeApiException.Invalid($"{Prefix}[monthly_anchor]", "Invalid monthly_anchor: must be between 1 and 31.") : null)
              ?? MonthlyAnchor ?? throw StripeApiException.Missing($"{Prefix}[monthly_anchor]")
            : null;
    }

    /// <summary>Stripe's <c>transfer_schedule</c>: the anchors appear only with their interval.</summary>
    public JsonObject Render()
    {
        var json = new JsonObject { ["delay_days"] = DelayDays, ["interval"] = Interval };
        if (MonthlyAnchor is { } day)
        {
            json["monthly_anchor"] = day;
        }

        if (WeeklyAnchor is { } weekday)
        {
            json["weekly_anchor"] = weekday;
        }

        return json;
    }
}
