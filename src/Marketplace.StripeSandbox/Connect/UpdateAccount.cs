using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Connect;

/// <summary>
/// <c>POST /v1/accounts/{id}</c>: email, business type, business profile, metadata, payout schedule and capabilities
/// requested; <c>account.updated</c> when anything changed, and <c>capability.updated</c> per capability whose status did.
/// </summary>
public static class UpdateAccount
{
    public static void Map(IEndpointRouteBuilder api) => api.MapStripePost("/accounts/{id}", ExecuteAsync).Emulates(
    [
        "business_profile[mcc]", "business_profile[name]", "business_profile[product_description]", "business_profile[support_email]",
        "business_profile[support_phone]", "business_profile[support_url]", "business_profile[url]", "business_type", "capabilities", "email",
        "metadata", "settings[payouts][schedule]",
    ],
    "account.updated", "capability.updated");

    public static async Task<JsonObject> ExecuteAsync(SandboxApiRequest request)
    {
        var transaction = request.Transaction;
        var form = request.Form;
        var account = await SandboxAccounts.LoadRoutedAsync(request);
        var before = AccountObject.Render(account);
        if (form.String("email") is { } email)
        {
            account.Email = email.Length == 0 ? null : email;
        }

        account.BusinessType = SandboxAccounts.BusinessType(form, account.BusinessType);
        SandboxAccounts.ApplyBusinessProfile(account.BusinessProfile, form);
        StripeForm.ApplyMetadata(account.Metadata, form.Metadata());
        account.PayoutSchedule.Apply(form);
        var capabilities = SandboxCapabilities.Request(account, SandboxCapabilities.Requests(form));
        var after = AccountObject.Render(account);
        if (StripeJson.Changes(before, after) is { } previous)
        {
            transaction.Session.Update(account);
            await transaction.EmitAsync("account.updated", after, account.Id, previous);
            await SandboxCapabilities.EmitAsync(transaction, account, capabilities);
        }

        return after;
    }
}
