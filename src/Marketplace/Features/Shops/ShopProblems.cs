using Marketplace.Infrastructure.Web;

namespace Marketplace.Features.Shops;

public static class ShopProblems
{
    /// <summary>Also the answer to anyone who may not manage the shop: whether it exists is not theirs to learn.</summary>
    public static IResult NotFound() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound, title: "No such shop.");

    public static IResult SlugTaken() => ValidationProblems.Field("slug", "Another shop already uses this address.");

    public static IResult AlreadyOwnsShop() => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, type: ProblemTypes.Conflict, title: "You already have a shop.",
        detail: "Each account runs one shop; manage it from your shop settings.");

    public static IResult NotActive(Shop shop) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, type: ProblemTypes.Conflict, title: $"The shop is {shop.Status.ToString().ToLowerInvariant()}.",
        detail: shop.StatusReason);
}
