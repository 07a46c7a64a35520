using Marketplace.StripeSandbox.Wire;
using Marten;

namespace Marketplace.StripeSandbox.Connect;

/// <summary>Loading connected accounts as Stripe refuses them, and the parameters creation and update share.</summary>
public static class SandboxAccounts
{
    /// <summary>The account, or Stripe's 404 when none has this id and 403 when its access was revoked.</summary>
    public static async Task<SandboxAccount> LoadAsync(IQuerySession session, string id, CancellationToken ct, string? param = null)
    {
        var account = await session.LoadAsync<SandboxAccount>(id, ct);
        if (account is null)
        {
            throw StripeApiException.NoSuch("account", id, param);
        }

        return account.Deauthorized
            ? throw new StripeApiException(StatusCodes.Status403Forbidden,
                $"The provided key does not have access to account '{id}'. Application access may have been revoked.", "account_invalid", param)
            : account;
    }

    /// <summary>
    /// The account the route's <c>id</c> names, for the caller: the platform works with any of its accounts, a connected
    /// account (the <c>Stripe-Account</c> header) only with itself, as on Stripe.
    /// </summary>
    public static Task<SandboxAccount> LoadRoutedAsync(SandboxApiRequest request)
    {
        var id = request.Route("id");
        return request.StripeAccount is { } caller && caller != id
            ? throw new StripeApiException(StatusCodes.Status403Forbidden,
                "Only Stripe Connect platforms can work with other accounts. If you need to setup a Stripe Connect platform, you can do so at https://dashboard.stripe.com/account/applications/settings.")
            : LoadAsync(request.Transaction.Session, id, request.Http.RequestAborted);
    }

    public static void ApplyBusinessProfile(AccountBusinessProfile profile, StripeForm form)
    {
        if (form.Object("business_profile") is not { } changes)
        {
            return;
        }

        profile.Name = Changed(changes, "name", profile.Name);
        profile.Url = Changed(changes, "url", profile.Url);
        profile.Mcc = Changed(changes, "mcc", profile.Mcc);
        profile.ProductDescription = Changed(changes, "product_description", profile.ProductDescription);
        profile.SupportEmail = Changed(changes, "support_email", profile.SupportEmail);
        profile.SupportPhone = Changed(changes, "support_phone", profile.SupportPhone);
        profile.SupportUrl = Changed(changes, "support_url", profile.SupportUrl);
    }

    public static string? BusinessType(StripeForm form, string? current) => form.String("business_type") switch
    {
        null => current,
        "" => null,
        var type when type is "individual" or "company" or "non_profit" or "government_entity" => type,
        var other => throw StripeApiException.Invalid("business_type", $"Invalid business_type: must be one of individual, company, non_profit, or government_entity (got '{other}')."),
    };

    /// <summary>An empty value unsets a field, as on Stripe; an absent one leaves it.</summary>
    private static string? Changed(StripeForm form, string name, string? current) => form.String(name) switch
    {
        null => current,
        "" => null,
        var value => value,
    };
}
