using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Fees;

/// <summary>
/// <c>GET /v1/application_fees/{id}</c>, and <c>POST /v1/application_fees/{id}/refunds</c> (optional <c>amount</c>,
/// default what remains; <c>metadata</c>), which answers the <c>fee_refund</c>.
/// </summary>
public static class ApplicationFeeEndpoints
{
    private static readonly StripeListFilters<SandboxApplicationFee> Listed = new StripeListFilters<SandboxApplicationFee>().Equal("charge", fee => fee.Charge);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapStripeGet("/application_fees", request => StripeList.PageAsync(request, "/v1/application_fees", "application_fee", Listed, fee => fee.Render()))
            .EmulatesList(Listed);
        api.MapStripeGet("/application_fees/{id}", async request => (await LoadAsync(request)).Render());
        api.MapStripePost("/application_fees/{id}/refunds", RefundAsync).Emulates(["amount", "metadata"], "application_fee.refunded");
    }

    public static async Task<JsonObject> RefundAsync(SandboxApiRequest request)
    {
        var fee = await LoadAsync(request);
        var amount = request.Form.Long("amount") ?? fee.Refundable;
        if (fee.Refundable == 0)
        {
            throw new StripeApiException(StatusCodes.Status400BadRequest, $"Application fee {fee.Id} has already been refunded.", "charge_already_refunded");
        }

        if (amount <= 0 || amount > fee.Refundable)
        {
            throw new StripeApiException(StatusCodes.Status400BadRequest,
                $"Refund amount ({amount}) is greater than unrefunded amount on fee ({fee.Refundable}).", "amount_too_large", "amount");
        }

        var metadata = request.Form.Metadata().Where(pair => pair.Value.Length > 0).ToDictionary();
        return (await SandboxApplicationFees.RefundAsync(request.Transaction, fee, amount, metadata, request.Http.RequestAborted)).Render(fee.Id);
    }

    private static async Task<SandboxApplicationFee> LoadAsync(SandboxApiRequest request)
    {
        var id = request.Route("id");
        return request.StripeAccount is null && await request.Transaction.Session.LoadAsync<SandboxApplicationFee>(id, request.Http.RequestAborted) is { } fee
            ? fee
            : throw StripeApiException.NoSuch("application fee", id);
    }
}
