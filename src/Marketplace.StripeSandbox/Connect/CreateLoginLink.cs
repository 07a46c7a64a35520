using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Connect;

/// <summary>
/// <c>POST /v1/accounts/{id}/login_links</c>: a link to the sandbox's Express dashboard. As on Stripe, only for
/// accounts with the Express dashboard that finished onboarding.
/// </summary>
public static class CreateLoginLink
{
    public const string PagePath = $"{StripeSandboxHosting.PathPrefix}/express";

    public static void Map(IEndpointRouteBuilder api) => api.MapStripePost("/accounts/{id}/login_links", ExecuteAsync);

    public static async Task<JsonObject> ExecuteAsync(SandboxApiRequest request)
    {
        var account = await SandboxAccounts.LoadRoutedAsync(request);
        if (account.Controller.StripeDashboard != "express")
        {
            throw new StripeApiException(StatusCodes.Status400BadRequest,
                "Login links can only be created for accounts that use the Express Dashboard and are connected to your platform.");
        }

        if (!account.DetailsSubmitted)
        {
            throw new StripeApiException(StatusCodes.Status400BadRequest,
                "Cannot create a login link for an account that has not completed onboarding.");
        }

        var link = new SandboxLoginLink { Id = SandboxIds.Token(), Account = account.Id, Created = request.Transaction.UnixNow };
        request.Transaction.Session.Insert(link);
        return new JsonObject
        {
            ["object"] = "login_link",
            ["created"] = link.Created,
            ["url"] = request.PageUrl($"{PagePath}/{link.Id}"),
        };
    }
}
