namespace Marketplace.Features.Payouts;

/// <summary>Plain words for Stripe's requirement codes, for the seller's payouts page (the code itself stays beside it).</summary>
public static class RequirementLabels
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        ["external_account"] = "A bank account for payouts",
        ["business_profile.url"] = "Your business website",
        ["business_profile.mcc"] = "What kind of business you run",
        ["business_profile.product_description"] = "What you sell",
        ["business_type"] = "Whether you sell as a person or a company",
        ["tos_acceptance.date"] = "Accepting Stripe's terms",
        ["tos_acceptance.ip"] = "Accepting Stripe's terms",
        ["individual.verification.document"] = "A photo of an identity document",
        ["individual.id_number"] = "Your national ID or tax number",
        ["individual.ssn_last_4"] = "The last 4 digits of your SSN",
        ["individual.dob.day"] = "Your date of birth",
        ["individual.dob.month"] = "Your date of birth",
        ["individual.dob.year"] = "Your date of birth",
        ["individual.address.line1"] = "Your address",
        ["individual.address.city"] = "Your address",
        ["individual.address.postal_code"] = "Your address",
        ["individual.email"] = "Your email address",
        ["individual.phone"] = "Your phone number",
        ["individual.first_name"] = "Your name",
        ["individual.last_name"] = "Your name",
    };

    /// <summary>What Stripe asks for when it names a requirement this list does not know.</summary>
    public const string Other = "Other details Stripe asks for on its form";

    /// <summary>The requirement in words a seller knows; never Stripe's raw key.</summary>
    public static string Of(string code) => Known.TryGetValue(code, out var label) ? label
        : code.StartsWith("company.", StringComparison.Ordinal) ? "Details about your company"
        : code.StartsWith("representative.", StringComparison.Ordinal) || code.StartsWith("person_", StringComparison.Ordinal) ? "Details about the person who runs the business"
        : code.StartsWith("bank_account", StringComparison.Ordinal) ? "A bank account for payouts"
        : Other;
}
