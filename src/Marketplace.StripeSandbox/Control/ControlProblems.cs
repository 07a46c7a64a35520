using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Control;

/// <summary>The control API's refusals, as ProblemDetails like the rest of the app's own APIs.</summary>
public static class ControlProblems
{
    public static IResult NoSuchAccount(string accountId) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, type: ControlProblemTypes.NotFound, title: $"The sandbox has no account {accountId}.");

    public static IResult NoSuch(string what, string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, type: ControlProblemTypes.NotFound, title: $"The sandbox has no {what} {id}.");

    /// <summary>What the emulated Stripe refused (no payouts on this account, say), with Stripe's message.</summary>
    public static IResult Refused(StripeApiException refusal) => TypedResults.Problem(
        statusCode: refusal.Status, type: ControlProblemTypes.ForStatus(refusal.Status), title: "Stripe would refuse this.", detail: refusal.Message,
        extensions: new Dictionary<string, object?> { ["stripeCode"] = refusal.Code });
}
