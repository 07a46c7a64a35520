using Marketplace.Features.Email;

namespace Marketplace.Features.Payouts;

/// <summary>The mails of the Payouts feature.</summary>
public static class PayoutEmails
{
    /// <summary>The seller's payouts page, where every payout mail leads.</summary>
    public const string PayoutsPage = "/shop/payouts";

    public static EmailContent OnboardingComplete(string displayName, string shopName, string payoutsUrl) =>
        EmailLayout.Render(
            subject: $"{shopName} can now sell and get paid",
            title: "Payouts are set up",
            paragraphs:
            [
                EmailLayout.Greeting(displayName),
                $"Stripe has verified the details for {shopName}: the shop can take payments and receive payouts.",
                "Publish your products whenever you are ready. Your balance and payouts are on your payouts page.",
            ],
            action: new EmailCallToAction("Open your payouts page", payoutsUrl));

    public static EmailContent PayoutFailed(string displayName, string shopName, long amount, string currency, string? reason, string payoutsUrl) =>
        EmailLayout.Render(
            subject: $"A payout to {shopName}'s bank account failed",
            title: "A payout failed",
            paragraphs:
            [
                EmailLayout.Greeting(displayName),
                $"Stripe could not pay out {Money(amount, currency)} to the bank account of {shopName}.",
                string.IsNullOrWhiteSpace(reason) ? "Stripe gave no reason." : $"Stripe says: {reason.Trim()}",
                "The money is back in your Stripe balance. Check your bank details in the Stripe Express dashboard; the next payout uses them.",
            ],
            action: new EmailCallToAction("Open your payouts page", payoutsUrl));

    public static string Money(long amount, string currency) => Infrastructure.Payments.Money.Format(amount, currency);
}
