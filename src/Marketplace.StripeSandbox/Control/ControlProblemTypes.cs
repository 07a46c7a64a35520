namespace Marketplace.StripeSandbox.Control;

/// <summary>The <c>type</c> of the control API's ProblemDetails: the marketplace's own URIs, so its answers read alike.</summary>
public static class ControlProblemTypes
{
    private const string Base = "/problems/";

    public const string Validation = Base + "validation";
    public const string BadRequest = Base + "bad-request";
    public const string Unauthorized = Base + "unauthorized";
    public const string Forbidden = Base + "forbidden";
    public const string NotFound = Base + "not-found";
    public const string Conflict = Base + "conflict";

    /// <summary>For the statuses an emulated Stripe refusal has (<see cref="Wire.StripeApiException"/>).</summary>
    public static string ForStatus(int status) => status switch
    {
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        409 => Conflict,
        _ => BadRequest,
    };
}
