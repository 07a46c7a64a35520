using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Transfers;

/// <summary>
/// <c>GET /v1/transfers</c> (<c>destination</c>, <c>transfer_group</c>, and <see cref="StripeList"/>'s paging and
/// <c>created</c>) and <c>GET /v1/transfers/{id}/reversals</c> (paging).
/// </summary>
public static class ListTransfers
{
    private static readonly StripeListFilters<SandboxTransfer> Filters = new StripeListFilters<SandboxTransfer>()
        .Equal("destination", t => t.Destination)
        .Equal("transfer_group", t => t.TransferGroup);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapStripeGet("/transfers", request => StripeList.PageAsync(request, "/v1/transfers", "transfer", Filters, transfer => transfer.Render())).EmulatesList(Filters);
        api.MapStripeGet("/transfers/{id}/reversals", ReversalsAsync).Emulates(["ending_before", "limit", "starting_after"]);
    }

    public static async Task<JsonObject> ReversalsAsync(SandboxApiRequest request)
    {
        var transfer = await request.LoadInAccountAsync<SandboxTransfer>("transfer");
        return StripeList.Page(request, $"/v1/transfers/{transfer.Id}/reversals", "transfer_reversal", transfer.NewestReversalsFirst(),
            reversal => reversal.Id, reversal => reversal.Render(transfer.Id));
    }
}
