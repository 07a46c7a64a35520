using Marketplace.Infrastructure.Payments;
using Marketplace.Infrastructure.Web;

namespace Marketplace.Features.Orders;

/// <summary>The orders feature's refusals, each a ProblemDetails with a stable type.</summary>
public static class OrderProblems
{
    public const string NotBuyableType = "/problems/not-buyable";
    public const string SoldOutType = "/problems/sold-out";
    public const string CartEmptyType = "/problems/cart-empty";
    public const string BelowMinimumChargeType = "/problems/below-minimum-charge";
    public const string NotRefundableType = "/problems/not-refundable";
    public const string AlreadyRefundedType = "/problems/already-refunded";

    /// <summary>Also the answer about another buyer's order: whether it exists is not theirs to learn.</summary>
    public static IResult OrderNotFound() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound, title: "No such order.");

    public static IResult ProductNotFound() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound, title: "No such product.");

    public static IResult NotBuyable(string why) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, type: NotBuyableType, title: "This product cannot be bought now.", detail: why);

    public static IResult SoldOut(string why) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, type: SoldOutType, title: "Not enough copies are left.", detail: why);

    public static IResult CartEmpty(string why) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, type: CartEmptyType, title: "There is nothing to pay for.", detail: why);

    public static IResult BelowMinimumCharge(long total, long minimum, string currency) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, type: BelowMinimumChargeType, title: "The total is below the smallest card payment.",
        detail: $"A card can be charged {Money.Format(minimum, currency)} at the least, and this cart comes to {Money.Format(total, currency)}. " +
            "Add to it, or check out the free products on their own.",
        extensions: new Dictionary<string, object?> { ["minimum"] = minimum, ["total"] = total, ["currency"] = currency });

    public static IResult PaymentsUnavailable() => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable, type: ProblemTypes.PaymentsUnavailable, title: "Checkout could not start.",
        detail: "The payment provider did not answer. Nothing was charged and your cart is as it was; try again in a moment.");

    public static IResult NotYourLines() => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden, type: ProblemTypes.Forbidden, title: "You can refund only your own shop's lines.",
        detail: "Name the lines of your shop; an admin refunds the others.");

    public static IResult NotRefundable(string why) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, type: NotRefundableType, title: "This order cannot be refunded now.", detail: why);

    public static IResult AlreadyRefunded(string why) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, type: AlreadyRefundedType, title: "Already refunded.", detail: why);
}
