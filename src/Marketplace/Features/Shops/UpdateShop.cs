using FluentValidation;
using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Persistence;
using Marketplace.Infrastructure.Text;
using Marketplace.Infrastructure.Web;
using Marten;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Shops;

/// <summary>The owner (or an admin) renames the shop or rewrites its description. The address stays: links to it live on.</summary>
[WolverineHandler]
public static class UpdateShop
{
    public sealed record Request(string Name, string? Description);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Name).ShopName();
            RuleFor(x => x.Description).ShopDescription();
        }
    }

    public sealed record Command(Guid ShopId, string Name, string Description);

    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/{shopId:guid}", PutAsync).Validate<Request>().RequireAuthorization(Policies.Member).WithName("UpdateShop")
            .WithSummary("Changes the shop's name and description (owner or admin).").Produces<ShopView>();

    public static async Task<IResult> PutAsync(Guid shopId, Request request, IMessageBus bus, IQuerySession session, HttpContext http)
    {
        var shop = await ShopAccess.ManagedAsync(session, shopId, http.User, http.RequestAborted);
        if (shop is null || shop.Status == ShopStatus.Closed)
        {
            return ShopProblems.NotFound();
        }

        var updated = await ExecuteAsync(shop.Id, request, bus, http.RequestAborted);
        return updated is null ? ShopProblems.NotFound() : TypedResults.Ok(await ShopView.OfAsync(updated, session, http.RequestAborted));
    }

    /// <summary>Runs the use case for the endpoint and <c>Pages/Seller/Settings</c>; null when the shop is gone.</summary>
    public static async Task<Shop?> ExecuteAsync(Guid shopId, Request request, IMessageBus bus, CancellationToken ct) =>
        (await bus.InvokeAsync<Result>(
            new Command(shopId, PublicNames.Normalize(request.Name), request.Description?.Trim() ?? ""), ct, UseCases.InvokeTimeout)).Shop;

    public sealed record Result(Shop? Shop);

    /// <summary>A concurrent edit of the same shop makes Wolverine run this again on the fresh shop: the last edit wins.</summary>
    public static async Task<(Result, OutgoingMessages)> HandleAsync(Command command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var shop = await session.LoadAsync<Shop>(command.ShopId, ct);
        if (shop is null || shop.Status == ShopStatus.Closed)
        {
            return (new Result(null), []);
        }

        var renamed = shop.Name != command.Name;
        shop.Name = command.Name;
        shop.Description = command.Description;
        shop.UpdatedAt = clock.GetUtcNow();
        session.Update(shop);
        return (new Result(shop), renamed ? [new ShopRenamed(shop.Id)] : []);
    }
}
