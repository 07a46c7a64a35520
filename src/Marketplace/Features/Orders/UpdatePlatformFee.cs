using Marketplace.Features.Moderation;
using Marketplace.Infrastructure.Persistence;
using Marketplace.Infrastructure.Web;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Orders;

/// <summary>
/// <c>PUT /api/admin/fees</c> <c>{basisPoints, fixed, version}</c> (admins): the default fee of every shop without an
/// override, for orders placed from now on. A change naming a version that is no longer the fee's is a 409; saving
/// the fee it already is changes nothing. Audited as <c>fees.update</c> with the fee before and after.
/// </summary>
[WolverineHandler]
public static class UpdatePlatformFee
{
    public sealed record Command(FeeSettings Fee, long Version, AuditActor Actor);

    public static void Map(RouteGroupBuilder admin) =>
        admin.MapPut("/fees", PutAsync).Validate<FeeChange>().WithName("UpdatePlatformFee")
            .WithSummary("Sets the default fee for orders placed from now on; 409 when another admin changed it since `version`.")
            .Produces<FeeView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

    public static Task<IResult> PutAsync(FeeChange request, IMessageBus bus, HttpContext http) =>
        ExecuteAsync(bus, request, AuditActor.Of(http.User), http.RequestAborted);

    public static Task<IResult> ExecuteAsync(IMessageBus bus, FeeChange request, AuditActor actor, CancellationToken ct) =>
        bus.InvokeAsync<IResult>(new Command(request.Fee, request.Version ?? 0, actor), ct, UseCases.InvokeTimeout);

    public static async Task<IResult> HandleAsync(Command command, IDocumentSession session, IOptions<OrderOptions> options, TimeProvider clock, CancellationToken ct)
    {
        // Two admins saving at once take turns: the second sees the first's version.
        await AdvisoryLocks.HoldAsync(session, PlatformFees.TheId, ct);
        var fees = await PlatformFees.LoadAsync(session, options.Value, ct);
        if (fees.Default == command.Fee)
        {
            return TypedResults.Ok(FeeView.Of(fees.Default, fees.DefaultVersion));
        }

        if (fees.DefaultVersion != command.Version)
        {
            return FeeProblems.Stale(fees.DefaultVersion);
        }

        var before = fees.Default;
        fees.Default = command.Fee;
        fees.DefaultVersion = fees.NextVersion();
        session.Store(fees);
        AuditTrail.Record(session, command.Actor, "fees.update", "platform", PlatformFees.TheId, null,
            FeeProblems.Snapshot(before), FeeProblems.Snapshot(fees.Default), clock.GetUtcNow());
        return TypedResults.Ok(FeeView.Of(fees.Default, fees.DefaultVersion));
    }
}
