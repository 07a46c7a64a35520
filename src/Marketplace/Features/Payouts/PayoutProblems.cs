using Marketplace.Infrastructure.Web;

namespace Marketplace.Features.Payouts;

public static class PayoutProblems
{
    public static IResult StripeUnavailable(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable, type: ProblemTypes.PaymentsUnavailable,
        title: "Stripe could not be reached or refused the request; try again shortly.", detail: detail);

    public static IResult NotOnboarded() => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, type: ProblemTypes.Conflict, title: "Start payouts onboarding first.",
        detail: "The shop has no Stripe account yet.");

    public static IResult Disconnected() => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, type: ProblemTypes.Conflict, title: "The shop's Stripe account was disconnected from the marketplace.");
}
