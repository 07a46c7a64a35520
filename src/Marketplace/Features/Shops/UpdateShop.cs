using FluentValidation;
using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Text;
using Marketplace.Infrastructure.Web;
using Marten;

namespace Marketplace.Features.Shops;

/// <summary>The owner (or an admin) renames the shop or rewrites its description. The address stays: links to it live on.</summary>
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

    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/{shopId:guid}", HandleAsync).Validate<Request>().RequireAuthorization(Policies.Member).WithName("UpdateShop")
            .WithSummary("Changes the shop's name and description (owner or admin).").Produces<ShopView>();

    public static async Task<IResult> HandleAsync(Guid shopId, Request request, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        var shop = await ShopAccess.ManagedAsync(session, shopId, http.User, http.RequestAborted);
        if (shop is null || shop.Status == ShopStatus.Closed)
        {
            return ShopProblems.NotFound();
        }

        await ExecuteAsync(shop, request, session, clock, http.RequestAborted);
        return TypedResults.Ok(await ShopView.OfAsync(shop, session, http.RequestAborted));
    }

    public static async Task ExecuteAsync(Shop shop, Request request, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        shop.Name = PublicNames.Normalize(request.Name);
        shop.Description = request.Description?.Trim() ?? "";
        shop.UpdatedAt = clock.GetUtcNow();
        session.Update(shop);
        await session.SaveChangesAsync(ct);
    }
}
