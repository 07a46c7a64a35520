using Marketplace.Infrastructure.Web;

namespace Marketplace.Features.Payouts;

public static class PayoutProblems
{
    /// <summary>Stripe refused the request as invalid (400: 409 here, with Stripe's reason) or could not serve it (503).</summary>
    public static IResult FromStripe(Stripe.StripeException e) => e.HttpStatusCode == System.Net.HttpStatusCode.BadRequest
        ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, type: ProblemTypes.Conflict, title: "Stripe refused the request.", detail: e.Message)
        : TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, type: ProblemTypes.PaymentsUnavailable,
            title: "Stripe could not be reached; try again shortly.", detail: e.Message);

    public static IResult NotOnboarded() => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, type: ProblemTypes.Conflict, title: "Start payouts onboarding first.",
        detail: "The shop has no Stripe account yet.");

    public static IResult Disconnected() => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, type: ProblemTypes.Conflict, title: "The shop's Stripe account was disconnected from the marketplace.");
}
