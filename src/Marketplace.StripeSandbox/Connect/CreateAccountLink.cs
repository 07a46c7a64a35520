using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Connect;

/// <summary>
/// <c>POST /v1/account_links</c>: a single-use link to the hosted onboarding page, expiring after five minutes, at
/// the sandbox's public URL.
/// </summary>
public static class CreateAccountLink
{
    public const string PagePath = $"{StripeSandboxHosting.PathPrefix}/connect/onboarding";

    public static void Map(IEndpointRouteBuilder api) => api.MapStripePost("/account_links", ExecuteAsync).Emulates(["account", "refresh_url", "return_url", "type"]);

    public static async Task<JsonObject> ExecuteAsync(SandboxApiRequest request)
    {
        var form = request.Form;
        var account = await SandboxAccounts.LoadAsync(request.Transaction.Session, form.Required("account"), request.Http.RequestAborted, "account");
        var type = form.Required("type");
        if (type is not ("account_onboarding" or "account_update"))
        {
            throw StripeApiException.Invalid("type", $"Invalid type: must be one of account_onboarding or account_update (got '{type}').");
        }

        var created = request.Transaction.UnixNow;
        var link = new SandboxAccountLink
        {
            Id = SandboxIds.Token(),
            Account = account.Id,
            Type = type,
            RefreshUrl = AbsoluteUrl(form, "refresh_url"),
            ReturnUrl = AbsoluteUrl(form, "return_url"),
            Created = created,
            ExpiresAt = created + (long)SandboxAccountLink.Lifetime.TotalSeconds,
        };
        request.Transaction.Session.Insert(link);
        return new JsonObject
        {
            ["object"] = "account_link",
            ["created"] = link.Created,
            ["expires_at"] = link.ExpiresAt,
            ["url"] = request.PageUrl($"{PagePath}/{link.Id}"),
        };
    }

    private static string AbsoluteUrl(StripeForm form, string name)
    {
        var url = form.Required(name);
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? url
            : throw StripeApiException.Invalid(name, $"Not a valid URL: {name} must be an absolute http or https URL.");
    }
}
