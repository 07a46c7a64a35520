namespace Marketplace.Infrastructure.Web;

/// <summary>The stable <c>type</c> of every ProblemDetails the API returns; each is documented at its own URI.</summary>
public static class ProblemTypes
{
    private const string Base = "/problems/";

    public const string Validation = Base + "validation";
    public const string BadRequest = Base + "bad-request";
    public const string Unauthorized = Base + "unauthorized";
    public const string Forbidden = Base + "forbidden";
    public const string NotFound = Base + "not-found";
    public const string MethodNotAllowed = Base + "method-not-allowed";
    public const string Conflict = Base + "conflict";
    public const string PayloadTooLarge = Base + "payload-too-large";
    public const string UnsupportedMediaType = Base + "unsupported-media-type";
    public const string TooManyRequests = Base + "too-many-requests";
    public const string ServerError = Base + "server-error";
    public const string Unavailable = Base + "unavailable";

    public const string InvalidCredentials = Base + "invalid-credentials";
    public const string TwoFactorRequired = Base + "two-factor-required";
    public const string EmailNotConfirmed = Base + "email-not-confirmed";
    public const string InvalidToken = Base + "invalid-token";
    public const string InvalidSignature = Base + "invalid-signature";
    public const string PaymentsUnavailable = Base + "payments-unavailable";
    public const string CrossSiteRequest = Base + "cross-site-request";
    public const string ProductNotPublishable = Base + "product-not-publishable";
    public const string MemberSuspended = Base + "member-suspended";
    public const string TrustLevelTooLow = Base + "trust-level-too-low";

    public static string ForStatus(int status) => status switch
    {
        400 => BadRequest,
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        409 => Conflict,
        413 => PayloadTooLarge,
        415 => UnsupportedMediaType,
        429 => TooManyRequests,
        503 => Unavailable,
        _ when status >= 500 => ServerError,
        _ => BadRequest,
    };
}
