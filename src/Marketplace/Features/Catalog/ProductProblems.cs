using Marketplace.Infrastructure.Web;

namespace Marketplace.Features.Catalog;

public static class ProductProblems
{
    /// <summary>Also the answer to anyone who may not see the product (a draft of another shop): whether it exists is not theirs to learn.</summary>
    public static IResult NotFound() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound, title: "No such product.");

    public static IResult FileNotFound() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound, title: "No such file in this product.");

    /// <summary>409 naming every missing thing under <c>missing</c> (keys of <see cref="ProductPublishing"/>) with a sentence each.</summary>
    public static IResult NotPublishable(IReadOnlyDictionary<string, string> missing) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, type: ProblemTypes.ProductNotPublishable, title: "The product cannot be published yet.",
        detail: string.Join(" ", missing.Values),
        extensions: new Dictionary<string, object?> { ["missing"] = missing });

    public static IResult LastFileOfPublished() => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, type: ProblemTypes.Conflict, title: "A published product keeps at least one file.",
        detail: "Upload its replacement first, or unpublish the product.");

    /// <summary>A 400 on <c>price.currency</c> when the request names a currency other than the marketplace's; null otherwise.</summary>
    public static IResult? WrongCurrency(ProductRules.Fields request, CatalogOptions options) =>
        request.Price?.Currency is { } currency && currency != options.Currency
            ? ValidationProblems.Field("price.currency", $"Prices in this marketplace are in {options.Currency.ToUpperInvariant()}.")
            : null;

    public static IResult Changed() => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, type: ProblemTypes.Conflict, title: "The product was changed meanwhile.",
        detail: "Load it again and retry.");
}
