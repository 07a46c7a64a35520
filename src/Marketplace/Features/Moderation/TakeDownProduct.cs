using FluentValidation;
using Marketplace.Features.Catalog;
using Marketplace.Infrastructure.Persistence;
using Marketplace.Infrastructure.Web;
using Marten;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Moderation;

/// <summary>
/// <c>POST /api/moderation/products/{productId}/takedown</c> <c>{reason, malware}</c> and <c>/restore</c> (moderators):
/// a taken-down product leaves the catalog and search at once and its seller cannot publish it again until it is
/// restored (then it stays unpublished until they do). Buyers keep their downloads unless the takedown says the file
/// is malware. Audited.
/// </summary>
[WolverineHandler]
public static class TakeDownProduct
{

    public sealed record Request(string Reason, bool Malware = false);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() =>
            RuleFor(r => r.Reason).ModerationReason("seller");
    }

    public sealed record Command(Guid ProductId, AuditActor Actor, string? Reason, bool Malware, bool TakeDown);

    public sealed record Response(Guid ProductId, string Status, ProductTakedown? Takedown);

    public static void Map(RouteGroupBuilder products)
    {
        products.MapPost("/{productId:guid}/takedown", TakeDownAsync).Validate<Request>().WithName("TakeDownProduct")
            .WithSummary("Takes a product down: it leaves the catalog; buyers keep their downloads unless `malware` is true.")
            .Produces<Response>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        products.MapPost("/{productId:guid}/restore", RestoreAsync).WithName("RestoreProduct")
            .WithSummary("Lifts a takedown; the product stays unpublished until its seller publishes it again.")
            .Produces<Response>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static Task<IResult> TakeDownAsync(Guid productId, Request request, IMessageBus bus, HttpContext http) =>
        bus.InvokeAsync<IResult>(new Command(productId, AuditActor.Of(http.User), request.Reason.Trim(), request.Malware, TakeDown: true),
            http.RequestAborted, UseCases.InvokeTimeout);

    public static async Task<IResult> RestoreAsync(Guid productId, IMessageBus bus, HttpContext http)
    {
        var (reason, problem) = await ModerationNote.ReadAsync(http.Request);
        return problem ?? await bus.InvokeAsync<IResult>(new Command(productId, AuditActor.Of(http.User), reason, Malware: false, TakeDown: false),
            http.RequestAborted, UseCases.InvokeTimeout);
    }

    public static async Task<IResult> HandleAsync(Command command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        // The product's own lock: a seller publishing or editing at the same moment goes before or after, never between.
        var managed = await ProductAccess.LockAsync(session, command.ProductId, ct);
        if (managed is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound, title: "No such product.");
        }

        var (product, shop) = (managed.Product, managed.Shop);
        var now = clock.GetUtcNow();
        var before = Snapshot(product);
        if (command.TakeDown)
        {
            if (product.Takedown is { } current && current.Reason == command.Reason && current.Malware == command.Malware)
            {
                return TypedResults.Ok(Answer(product)); // a repeat: no second entry
            }

            product.Takedown = new ProductTakedown(now, command.Actor.Id, command.Reason!, command.Malware);
            product.Status = product.Status == ProductStatus.Draft ? ProductStatus.Draft : ProductStatus.Unpublished;
        }
        else if (product.Takedown is null)
        {
            return TypedResults.Ok(Answer(product));
        }
        else
        {
            product.Takedown = null;
        }

        product.UpdatedAt = now;
        session.Update(product);
        CatalogListings.Sync(session, product, shop);
        AuditTrail.Record(session, command.Actor, command.TakeDown ? "product.takedown" : "product.restore", "product", $"{product.Id}",
            command.Reason, before, Snapshot(product), now);
        return TypedResults.Ok(Answer(product));
    }

    private static Response Answer(Product product) => new(product.Id, ProductView.StatusOf(product.Status), product.Takedown);

    private static Dictionary<string, string?> Snapshot(Product product) => new()
    {
        ["status"] = ProductView.StatusOf(product.Status),
        ["takenDown"] = $"{product.Takedown is not null}".ToLowerInvariant(),
        ["malware"] = product.Takedown is { Malware: true } ? "true" : null,
    };
}
