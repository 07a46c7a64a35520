using FluentValidation;
using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Persistence;
using Marketplace.Infrastructure.Web;
using Marten;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Catalog;

/// <summary>
/// <c>PUT /api/products/{productId}/files/{fileId}/settings</c> <c>{allowUnmarkedCopies}</c>: the seller's delivery
/// choice for one file. When the watermark engine cannot mark it (an encrypted or damaged PDF, a ZIP64 archive),
/// buyers get it unmarked only if allowed; otherwise it is not served. A buyer's copy refused before the seller allowed
/// it is made again at the buyer's next link or download (docs/downloads.md#buyers-copies).
/// </summary>
[WolverineHandler]
public static class SetProductFileSettings
{
    public sealed record Request(bool? AllowUnmarkedCopies);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.AllowUnmarkedCopies).NotNull().WithMessage("Say whether buyers may get this file unmarked (true or false).");
    }

    public sealed record Command(Guid ProductId, Guid FileId, bool AllowUnmarkedCopies);

    public sealed record Response(Guid FileId, bool AllowUnmarkedCopies, int Revision);

    public static void Map(RouteGroupBuilder products) =>
        products.MapPut("/{productId:guid}/files/{fileId:guid}/settings", PutAsync).Validate<Request>().RequireAuthorization(Policies.Member)
            .WithName("SetProductFileSettings")
            .WithSummary("The seller's delivery choice for a file: whether buyers get it unmarked when it cannot be watermarked (encrypted PDFs).")
            .Produces<Response>().ProducesProblem(StatusCodes.Status404NotFound);

    public static async Task<IResult> PutAsync(Guid productId, Guid fileId, Request request, IQuerySession session, IMessageBus bus, HttpContext http)
    {
        var ct = http.RequestAborted;
        if (await ProductAccess.ManagedAsync(session, productId, http.User, ct) is not { } managed || !managed.Product.Files.Exists(f => f.Id == fileId))
        {
            return ProductProblems.FileNotFound();
        }

        var outcome = await bus.InvokeAsync<ProductAccess.Outcome>(new Command(productId, fileId, request.AllowUnmarkedCopies!.Value), ct, UseCases.InvokeTimeout);
        return outcome.Managed?.Product.Files.Find(f => f.Id == fileId) is { } file
            ? TypedResults.Ok(new Response(file.Id, file.AllowUnmarkedCopies, file.Revision))
            : ProductProblems.FileNotFound();
    }

    public static async Task<ProductAccess.Outcome> HandleAsync(Command command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var managed = await ProductAccess.LockAsync(session, command.ProductId, ct);
        if (managed?.Product.Files.Find(f => f.Id == command.FileId) is not { } file)
        {
            return new(null);
        }

        file.AllowUnmarkedCopies = command.AllowUnmarkedCopies;
        managed.Product.UpdatedAt = clock.GetUtcNow();
        session.Update(managed.Product);
        return new(managed);
    }
}
