using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Connect;

/// <summary><c>POST /v1/accounts/{id}</c>: email, business type, business profile and metadata; <c>account.updated</c> when anything changed.</summary>
public static class UpdateAccount
{
    public static void Map(IEndpointRouteBuilder api) => api.MapStripePost("/accounts/{id}", ExecuteAsync);

    public static async Task<JsonObject> ExecuteAsync(SandboxApiRequest request)
    {
        var transaction = request.Transaction;
        var form = request.Form;
        var account = await SandboxAccounts.LoadAsync(transaction.Session, request.Route("id"), request.Http.RequestAborted);
        var before = AccountObject.Render(account);
        if (form.String("email") is { } email)
        {
            account.Email = email.Length == 0 ? null : email;
        }

        account.BusinessType = SandboxAccounts.BusinessType(form, account.BusinessType);
        SandboxAccounts.ApplyBusinessProfile(account.BusinessProfile, form);
        StripeForm.ApplyMetadata(account.Metadata, form.Metadata());
        var after = AccountObject.Render(account);
        if (StripeJson.Changes(before, after) is { } previous)
        {
            transaction.Session.Update(account);
            await transaction.EmitAsync("account.updated", after, account.Id, previous);
        }

        return after;
    }
}
