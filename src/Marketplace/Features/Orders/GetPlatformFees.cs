using Marketplace.Features.Shops;
using Marten;
using Microsoft.Extensions.Options;

namespace Marketplace.Features.Orders;

/// <summary><c>GET /api/admin/fees</c> (admins): the default fee and every shop's override, each with the version a change must name.</summary>
public static class GetPlatformFees
{
    public sealed record ShopFeeView(Guid ShopId, string ShopName, int BasisPoints, long Fixed, long Version);

    public sealed record Response(int BasisPoints, long Fixed, long Version, IReadOnlyList<ShopFeeView> Shops);

    public static void Map(RouteGroupBuilder admin) =>
        admin.MapGet("/fees", GetAsync).WithName("GetPlatformFees")
            .WithSummary("The platform's default fee and the shops' overrides, with the versions a change must send back.")
            .Produces<Response>();

    public static async Task<Response> GetAsync(IQuerySession session, IOptions<OrderOptions> options, CancellationToken ct) =>
        await ReadAsync(session, options.Value, ct);

    public static async Task<Response> ReadAsync(IQuerySession session, OrderOptions options, CancellationToken ct)
    {
        var fees = await PlatformFees.LoadAsync(session, options, ct);
        var shops = (await session.LoadManyAsync<Shop>(ct, fees.Shops.Keys)).ToDictionary(s => s.Id, s => s.Name);
        return new Response(fees.Default.BasisPoints, fees.Default.Fixed, fees.DefaultVersion,
            [.. fees.Shops.Select(pair => new ShopFeeView(pair.Key, shops.GetValueOrDefault(pair.Key) ?? "(no such shop)", pair.Value.Fee.BasisPoints, pair.Value.Fee.Fixed, pair.Value.Version))
                .OrderBy(s => s.ShopName, StringComparer.OrdinalIgnoreCase)]);
    }
}
