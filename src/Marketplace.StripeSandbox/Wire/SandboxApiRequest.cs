namespace Marketplace.StripeSandbox.Wire;

/// <summary>
/// One authenticated call to the sandbox's Stripe API: its parameters, the connected account named by the
/// <c>Stripe-Account</c> header (already checked to exist), and the transaction its changes are made in.
/// </summary>
public sealed record SandboxApiRequest(HttpContext Http, StripeForm Form, string? StripeAccount, SandboxTransaction Transaction)
{
    public string Route(string name) => Http.GetRouteValue(name)?.ToString() ?? "";

    /// <summary>The absolute address of a hosted page, at the sandbox's public URL.</summary>
    public string PageUrl(string path) => $"{Http.RequestServices.GetRequiredService<SandboxSettings>().PublicUrl}{path}";

    /// <summary>The object named by the route's <c>id</c> in the caller's account; Stripe's 404 for a missing one or another account's.</summary>
    public async Task<T> LoadInAccountAsync<T>(string objectName) where T : class, ISandboxAccountObject
    {
        var id = Route("id");
        var found = await Transaction.Session.LoadAsync<T>(id, Http.RequestAborted);
        return found is not null && found.Account == StripeAccount ? found : throw StripeApiException.NoSuch(objectName, id);
    }

    /// <summary>Stripe's <c>limit</c> parameter: 1 to 100, default 10.</summary>
    public int Limit => Form.Long("limit") switch
    {
        null => 10,
        >= 1 and <= 100 and var limit => (int)limit,
        _ => throw StripeApiException.Invalid("limit", "Invalid limit: must be between 1 and 100."),
    };
}
