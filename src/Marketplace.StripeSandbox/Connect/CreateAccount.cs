using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Balances;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Connect;

/// <summary>
/// <c>POST /v1/accounts</c>: a connected account from either a legacy <c>type</c> or <c>controller</c> properties,
/// with its requested capabilities inactive and the requirements of a new account due.
/// </summary>
public static class CreateAccount
{
    public static void Map(IEndpointRouteBuilder api) => api.MapStripePost("/accounts", ExecuteAsync).Emulates(
    [
        "business_profile[mcc]", "business_profile[name]", "business_profile[product_description]", "business_profile[support_email]",
        "business_profile[support_phone]", "business_profile[support_url]", "business_profile[url]", "business_type", "capabilities", "controller",
        "country", "default_currency", "email", "metadata", "settings[payouts][schedule]", "type",
    ]);

    public static Task<JsonObject> ExecuteAsync(SandboxApiRequest request)
    {
        var form = request.Form;
        var type = form.String("type");
        if (type is not null && form.Has("controller"))
        {
            throw StripeApiException.Invalid("controller", "You cannot specify both `type` and `controller`: use controller properties alone.");
        }

        var country = (form.String("country") ?? "US").ToUpperInvariant();
        var account = new SandboxAccount
        {
            Id = SandboxIds.New("acct", 16),
            Created = request.Transaction.UnixNow,
            RequestedType = type,
            Controller = type is null ? Controller(form) : LegacyType(type),
            Country = country,
            DefaultCurrency = form.String("default_currency") ?? CurrencyOf(country),
            Email = form.String("email"),
            BusinessType = SandboxAccounts.BusinessType(form, null),
            // Stripe disables a new account because what its requested capabilities need was not provided by the
            // (past) deadline: those requirements are past due as well as currently due.
            CurrentlyDue = [.. SandboxAccount.InitialRequirements],
            PastDue = [.. SandboxAccount.InitialRequirements],
            DisabledReason = "requirements.past_due",
        };
        account.PayoutSchedule.Apply(form);
        SandboxAccounts.ApplyBusinessProfile(account.BusinessProfile, form);
        StripeForm.ApplyMetadata(account.Metadata, form.Metadata());
        SandboxCapabilities.Request(account, SandboxCapabilities.Requests(form));

        request.Transaction.Session.Insert(account);
        request.Transaction.Session.Insert(new SandboxBalance { Id = account.Id, DefaultCurrency = account.DefaultCurrency });
        return Task.FromResult(AccountObject.Render(account));
    }

    /// <summary>The controller properties Stripe gives an account created with a legacy type.</summary>
    private static AccountControl LegacyType(string type) => type switch
    {
        "standard" => new() { FeesPayer = "account", LossesPayments = "stripe", RequirementCollection = "stripe", StripeDashboard = "full", Type = "account" },
        "express" => new() { FeesPayer = "application_express", LossesPayments = "application", RequirementCollection = "stripe", StripeDashboard = "express" },
        "custom" => new() { FeesPayer = "application_custom", LossesPayments = "application", RequirementCollection = "application", StripeDashboard = "none" },
        _ => throw StripeApiException.Invalid("type", $"Invalid type: must be one of standard, express, or custom (got '{type}')."),
    };

    private static AccountControl Controller(StripeForm form) => new()
    {
        FeesPayer = OneOf(form, ["fees", "payer"], "account", "account", "application"),
        LossesPayments = OneOf(form, ["losses", "payments"], "stripe", "stripe", "application"),
        RequirementCollection = OneOf(form, ["requirement_collection"], "stripe", "stripe", "application"),
        StripeDashboard = OneOf(form, ["stripe_dashboard", "type"], "full", "full", "express", "none"),
    };

    private static string OneOf(StripeForm form, string[] path, string fallback, params string[] allowed)
    {
        var value = form.String(["controller", .. path]);
        if (value is null)
        {
            return fallback;
        }

        return allowed.Contains(value, StringComparer.Ordinal) ? value
            : throw StripeApiException.Invalid($"controller[{string.Join("][", path)}]", $"Invalid value '{value}': must be one of {string.Join(", ", allowed)}.");
    }

    private static string CurrencyOf(string country) => country switch
    {
        "GB" => "gbp",
        "CA" => "cad",
        "AU" => "aud",
        "JP" => "jpy",
        "CH" => "chf",
        "AT" or "BE" or "DE" or "ES" or "FI" or "FR" or "IE" or "IT" or "LU" or "NL" or "PT" => "eur",
        _ => "usd",
    };
}
