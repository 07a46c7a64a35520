using System.Text.Json.Nodes;

namespace Marketplace.StripeSandbox.Control;

/// <summary>A Stripe object, answered as the Stripe API would show it (snake_case).</summary>
public static class StripeObjectResult
{
    public static IResult Of(JsonObject stripeObject) => TypedResults.Text(stripeObject.ToJsonString(), "application/json");
}
