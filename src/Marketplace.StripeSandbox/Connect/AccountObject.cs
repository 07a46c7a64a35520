using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Connect;

/// <summary>Stripe's <c>account</c> object, field for field as in Stripe's published fixtures.</summary>
public static class AccountObject
{
    private const string Settings = """
        {"bacs_debit_payments":{"display_name":null,"service_user_number":null},
         "branding":{"icon":null,"logo":null,"primary_color":null,"secondary_color":null},
         "card_issuing":{"tos_acceptance":{"date":null,"ip":null}},
         "card_payments":{"decline_on":{"avs_failure":false,"cvc_failure":false},"statement_descriptor_prefix":null,
           "statement_descriptor_prefix_kana":null,"statement_descriptor_prefix_kanji":null},
         "dashboard":{"display_name":null,"timezone":"Etc/UTC"},
         "invoices":{"default_account_tax_ids":null,"hosted_payment_method_save":null},
         "payments":{"statement_descriptor":null,"statement_descriptor_kana":null,"statement_descriptor_kanji":null,
           "statement_descriptor_prefix_kana":null,"statement_descriptor_prefix_kanji":null},
         "payouts":{"debit_negative_balances":true,"schedule":{"delay_days":2,"interval":"daily"},"statement_descriptor":null},
         "sepa_debit_payments":{}}
        """;

    private const string EmptyAddress = """{"city":null,"country":null,"line1":null,"line2":null,"postal_code":null,"state":null}""";

    public static JsonObject Render(SandboxAccount account)
    {
        var settings = StripeJson.Parse(Settings);
        settings["dashboard"]!["display_name"] = account.BusinessProfile.Name;
        settings["payouts"]!["schedule"] = account.PayoutSchedule.Render();
        return new JsonObject
        {
            ["id"] = account.Id,
            ["object"] = "account",
            ["business_profile"] = BusinessProfile(account.BusinessProfile),
            ["business_type"] = account.BusinessType,
            ["capabilities"] = StripeJson.Map(account.Capabilities),
            ["charges_enabled"] = account.ChargesEnabled,
            ["controller"] = Controller(account.Controller),
            ["country"] = account.Country,
            ["created"] = account.Created,
            ["default_currency"] = account.DefaultCurrency,
            ["details_submitted"] = account.DetailsSubmitted,
            ["email"] = account.Email,
            ["external_accounts"] = StripeJson.List($"/v1/accounts/{account.Id}/external_accounts",
                account.BankAccountId is null ? [] : [BankAccount(account)]),
            ["future_requirements"] = Requirements([], [], null),
            ["metadata"] = StripeJson.Map(account.Metadata),
            ["payouts_enabled"] = account.PayoutsEnabled,
            ["requirements"] = Requirements(account.CurrentlyDue, account.PastDue, account.DisabledReason),
            ["settings"] = settings,
            ["tos_acceptance"] = new JsonObject
            {
                ["date"] = account.TosAcceptedAt, ["ip"] = account.TosAcceptedFrom, ["user_agent"] = account.TosUserAgent,
            },
            ["type"] = TypeOf(account),
        };
    }

    /// <summary>A legacy type when one was asked for; accounts made with controller properties have none.</summary>
    public static string TypeOf(SandboxAccount account) => account.RequestedType ?? "none";

    private static JsonObject BusinessProfile(AccountBusinessProfile profile) => new()
    {
        ["annual_revenue"] = new JsonObject { ["amount"] = null, ["currency"] = null, ["fiscal_year_end"] = null },
        ["estimated_worker_count"] = null,
        ["mcc"] = profile.Mcc,
        ["minority_owned_business_designation"] = null,
        ["name"] = profile.Name,
        ["product_description"] = profile.ProductDescription,
        ["support_address"] = StripeJson.Parse(EmptyAddress),
        ["support_email"] = profile.SupportEmail,
        ["support_phone"] = profile.SupportPhone,
        ["support_url"] = profile.SupportUrl,
        ["url"] = profile.Url,
    };

    private static JsonObject Controller(AccountControl controller) => new()
    {
        ["fees"] = new JsonObject { ["payer"] = controller.FeesPayer },
        ["is_controller"] = controller.Type == "application",
        ["losses"] = new JsonObject { ["payments"] = controller.LossesPayments },
        ["requirement_collection"] = controller.RequirementCollection,
        ["stripe_dashboard"] = new JsonObject { ["type"] = controller.StripeDashboard },
        ["type"] = controller.Type,
    };

    private static JsonObject Requirements(IReadOnlyList<string> currentlyDue, IReadOnlyList<string> pastDue, string? disabledReason) => new()
    {
        ["alternatives"] = new JsonArray(),
        ["current_deadline"] = null,
        ["currently_due"] = StripeJson.Strings(currentlyDue),
        ["disabled_reason"] = disabledReason,
        ["errors"] = new JsonArray(),
        ["eventually_due"] = StripeJson.Strings(currentlyDue),
        ["past_due"] = StripeJson.Strings(pastDue),
        ["pending_verification"] = new JsonArray(),
    };

    /// <summary>The account's bank account, the <c>data.object</c> of <c>account.external_account.created</c>.</summary>
    public static JsonObject BankAccount(SandboxAccount account) => new()
    {
        ["id"] = account.BankAccountId,
        ["object"] = "bank_account",
        ["account"] = account.Id,
        ["account_holder_name"] = account.BusinessProfile.Name,
        ["account_holder_type"] = "individual",
        ["account_type"] = null,
        ["available_payout_methods"] = StripeJson.Strings(["standard"]),
        ["bank_name"] = "STRIPE TEST BANK",
        ["country"] = account.Country,
        ["currency"] = account.DefaultCurrency,
        ["default_for_currency"] = true,
        ["fingerprint"] = "1JWtPxqbdX5Gamtc",
        ["last4"] = "6789",
        ["metadata"] = new JsonObject(),
        ["routing_number"] = "110000000",
        ["status"] = "new",
    };
}
