using Marketplace.Features.Moderation;
using Marketplace.Features.Shops;
using Marketplace.Infrastructure.Persistence;
using Marketplace.Infrastructure.Web;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Orders;

/// <summary>
/// <c>PUT /api/admin/shops/{shopId}/fee</c> <c>{basisPoints, fixed, version}</c> and <c>DELETE</c> (admins): a shop's
/// own fee, or back to the default, for orders placed from now on. A shop without an override has version 0; a PUT
/// naming another version than the override's is a 409. Removing an override that is not there changes nothing.
/// Audited as <c>shop.fee.set</c> and <c>shop.fee.clear</c>, with the override before and after.
/// </summary>
[WolverineHandler]
public static class SetShopFee
{
    /// <summary><see cref="Fee"/> null: remove the override (then <see cref="Version"/> is not checked).</summary>
    public sealed record Command(Guid ShopId, FeeSettings? Fee, long Version, AuditActor Actor);

    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapPut("/shops/{shopId:guid}/fee", PutAsync).Validate<FeeChange>().WithName("SetShopFee")
            .WithSummary("Gives a shop a fee of its own for orders placed from now on; 409 when another admin changed it since `version`.")
            .Produces<FeeView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapDelete("/shops/{shopId:guid}/fee", DeleteAsync).WithName("ClearShopFee")
            .WithSummary("Removes a shop's own fee: its orders pay the default from now on.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static Task<IResult> PutAsync(Guid shopId, FeeChange request, IMessageBus bus, HttpContext http) =>
        ExecuteAsync(bus, new Command(shopId, request.Fee, request.Version ?? 0, AuditActor.Of(http.User)), http.RequestAborted);

    public static Task<IResult> DeleteAsync(Guid shopId, IMessageBus bus, HttpContext http) =>
        ExecuteAsync(bus, new Command(shopId, null, 0, AuditActor.Of(http.User)), http.RequestAborted);

    public static Task<IResult> ExecuteAsync(IMessageBus bus, Command command, CancellationToken ct) =>
        bus.InvokeAsync<IResult>(command, ct, UseCases.InvokeTimeout);

    public static async Task<IResult> HandleAsync(Command command, IDocumentSession session, IOptions<OrderOptions> options, TimeProvider clock, CancellationToken ct)
    {
        await AdvisoryLocks.HoldAsync(session, PlatformFees.TheId, ct);
        if (await session.LoadAsync<Shop>(command.ShopId, ct) is null)
        {
            return ModerationProblems.ShopNotFound();
        }

        var fees = await PlatformFees.LoadAsync(session, options.Value, ct);
        var before = fees.Shops.GetValueOrDefault(command.ShopId);
        if (command.Fee is null)
        {
            if (before is null)
            {
                return TypedResults.NoContent();
            }

            fees.Shops.Remove(command.ShopId);
        }
        else if (before?.Fee == command.Fee)
        {
            return TypedResults.Ok(FeeView.Of(before.Fee, before.Version));
        }
        else if (fees.VersionOf(command.ShopId) != command.Version)
        {
            return FeeProblems.Stale(fees.VersionOf(command.ShopId));
        }
        else
        {
            fees.Shops[command.ShopId] = new ShopFee(command.Fee, fees.NextVersion());
        }

        session.Store(fees);
        var after = fees.Shops.GetValueOrDefault(command.ShopId);
        AuditTrail.Record(session, command.Actor, after is null ? "shop.fee.clear" : "shop.fee.set", "shop", $"{command.ShopId}", null,
            FeeProblems.Snapshot(before?.Fee), FeeProblems.Snapshot(after?.Fee), clock.GetUtcNow());
        return after is null ? TypedResults.NoContent() : TypedResults.Ok(FeeView.Of(after.Fee, after.Version));
    }
}
