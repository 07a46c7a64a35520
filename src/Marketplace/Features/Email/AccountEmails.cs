using System.Globalization;

namespace Marketplace.Features.Email;

/// <summary>The mails of the Accounts feature. Each returns the rendered content; the caller wraps it in a <see cref="SendEmail"/>.</summary>
public static class AccountEmails
{
    public static EmailContent ConfirmEmail(string displayName, string confirmUrl) =>
        EmailLayout.Render(
            subject: $"Confirm your email address for {EmailLayout.Brand}",
            title: "Confirm your email address",
            paragraphs:
            [
                EmailLayout.Greeting(displayName),
                $"Thanks for joining {EmailLayout.Brand}. Confirm that this address is yours to finish setting up your account.",
                "If you did not sign up, ignore this mail: nothing happens without the confirmation.",
            ],
            action: new EmailCallToAction("Confirm email address", confirmUrl));

    public static EmailContent ResetPassword(string displayName, string resetUrl) =>
        EmailLayout.Render(
            subject: $"Reset your {EmailLayout.Brand} password",
            title: "Reset your password",
            paragraphs:
            [
                EmailLayout.Greeting(displayName),
                "Someone asked to reset the password of your account. Choose a new one with the button below; the link works once and only for a short time.",
                "If it was not you, ignore this mail: your password stays as it is.",
            ],
            action: new EmailCallToAction("Choose a new password", resetUrl));

    /// <summary>Sent instead of a confirmation when someone signs up with an address that already has an account.</summary>
    public static EmailContent SignUpWithExistingEmail(string displayName, string loginUrl, string forgotPasswordUrl) =>
        EmailLayout.Render(
            subject: $"Someone tried to sign up to {EmailLayout.Brand} with your address",
            title: "You already have an account",
            paragraphs:
            [
                EmailLayout.Greeting(displayName),
                $"Someone just tried to create a {EmailLayout.Brand} account with this email address, which already has one. If it was you, sign in instead.",
                "If it was not you, ignore this mail: no new account was created and yours is unchanged.",
            ],
            action: new EmailCallToAction("Sign in", loginUrl),
            secondary: new EmailCallToAction("Forgot your password? Reset it", forgotPasswordUrl));

    /// <summary>Sent when repeated failed sign-ins lock the account until <paramref name="until"/>.</summary>
    public static EmailContent LockedOut(string displayName, DateTimeOffset until, string resetUrl) =>
        EmailLayout.Render(
            subject: $"Your {EmailLayout.Brand} account is locked for now",
            title: "Too many failed sign-ins",
            paragraphs:
            [
                EmailLayout.Greeting(displayName),
                $"After several failed attempts to sign in, your account is locked until {until.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC.",
                "If that was you, wait until then or choose a new password. If it was not, choosing a new password keeps whoever tried out.",
            ],
            action: new EmailCallToAction("Choose a new password", resetUrl));
}
