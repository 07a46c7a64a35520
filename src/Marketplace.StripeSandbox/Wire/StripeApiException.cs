using System.Text.Json.Nodes;

namespace Marketplace.StripeSandbox.Wire;

/// <summary>
/// A refusal in Stripe's error format (<c>{"error": {...}}</c>), which Stripe.net turns into a <c>StripeException</c>
/// with the same status, type, code and param.
/// </summary>
public sealed class StripeApiException(int status, string message, string? code = null, string? param = null, string type = "invalid_request_error")
    : Exception(message)
{
    public int Status { get; } = status;

    public string Type { get; } = type;

    public string? Code { get; } = code;

    public string? Param { get; } = param;

    /// <summary>Stripe's missing object: 404 with <c>param: "id"</c> when the path names it, 400 when a parameter does.</summary>
    public static StripeApiException NoSuch(string resource, string id, string? param = null) =>
        new(param is null ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest, $"No such {resource}: '{id}'", "resource_missing", param ?? "id");

    public static StripeApiException Missing(string param) =>
        new(StatusCodes.Status400BadRequest, $"Missing required param: {param}.", "parameter_missing", param);

    public static StripeApiException Invalid(string param, string message) =>
        new(StatusCodes.Status400BadRequest, message, "parameter_invalid", param);

    public JsonObject ToJson()
    {
        var error = new JsonObject();
        if (Code is not null)
        {
            error["code"] = Code;
            error["doc_url"] = $"https://stripe.com/docs/error-codes/{Code.Replace('_', '-')}";
        }

        error["message"] = Message;
        if (Param is not null)
        {
            error["param"] = Param;
        }

        error["type"] = Type;
        return new JsonObject { ["error"] = error };
    }
}
