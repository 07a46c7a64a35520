using FluentValidation;
using Marketplace.Features.Accounts;
using Marketplace.Features.Catalog;
using Marketplace.Features.Shops;
using Marketplace.Infrastructure.Persistence;
using Marketplace.Infrastructure.Web;
using Marten;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Moderation;

/// <summary>A member's report of a product for the moderation queue; one per member per product (id: product and member).</summary>
public sealed class ProductReport
{
    public string Id { get; set; } = "";
    public Guid ProductId { get; set; }
    public Guid MemberId { get; set; }

    /// <summary>One of <see cref="ReportProduct.Reasons"/>.</summary>
    public string Reason { get; set; } = "";

    public string? Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? Outcome { get; set; }

    public static string IdOf(Guid productId, Guid memberId) => $"{productId:N}:{memberId:N}";
}

/// <summary>
/// <c>POST /api/products/{productId}/reports</c> <c>{reason, text}</c> (members): puts a published product in the
/// moderation queue. A member reports a product once; a repeat, or a concurrent duplicate, changes nothing.
/// </summary>
[WolverineHandler]
public static class ReportProduct
{
    public const int MaxTextLength = ReportRules.MaxTextLength;

    public static readonly string[] Reasons = ["infringement", "malware", "misleading", "other"];

    public sealed record Request(string Reason, string? Text = null);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => ReportRules.Add(this, x => x.Reason, x => x.Text, Reasons, "product");
    }

    public sealed record Command(Guid ProductId, Guid MemberId, string Reason, string? Text);

    public static void Map(RouteGroupBuilder products) =>
        products.MapPost("/{productId:guid}/reports", PostAsync).Validate<Request>().RequireAuthorization(Policies.Member)
            .WithName("ReportProduct").WithSummary("Reports a product to the moderators. 202; reporting it again changes nothing.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    public static Task<IResult> PostAsync(Guid productId, Request request, IMessageBus bus, HttpContext http) =>
        bus.InvokeAsync<IResult>(
            new Command(productId, Members.IdOf(http.User)!.Value, request.Reason, string.IsNullOrWhiteSpace(request.Text) ? null : request.Text.Trim()),
            http.RequestAborted, UseCases.InvokeTimeout);

    public static async Task<IResult> HandleAsync(Command command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        await AdvisoryLocks.HoldAsync(session, $"reports:product:{command.ProductId}", ct);
        var product = await session.LoadAsync<Product>(command.ProductId, ct);
        var shop = product is null ? null : await session.LoadAsync<Shop>(product.ShopId, ct);
        if (product is not { Status: ProductStatus.Published } || shop is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound, title: "No such product.");
        }

        if (shop.OwnerId == command.MemberId)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, type: ProblemTypes.Conflict, title: "You cannot report your own product.");
        }

        var id = ProductReport.IdOf(product.Id, command.MemberId);
        if (await session.LoadAsync<ProductReport>(id, ct) is null)
        {
            var now = clock.GetUtcNow();
            session.Insert(new ProductReport { Id = id, ProductId = product.Id, MemberId = command.MemberId, Reason = command.Reason, Text = command.Text, CreatedAt = now });
            await ModerationQueue.OpenAsync(session, QueueKinds.Product, product.Id, now, ct);
        }

        return TypedResults.Accepted((string?)null);
    }
}
