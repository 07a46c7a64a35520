using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Payments;

/// <summary>
/// <c>GET /v1/charges</c> (<c>payment_intent</c>, <c>transfer_group</c>; the sandbox keeps no customers, so
/// <c>customer</c> matches nothing), <c>/v1/refunds</c> (<c>charge</c>, <c>payment_intent</c>) and
/// <c>/v1/disputes</c> (<c>charge</c>, <c>payment_intent</c>), each with <see cref="StripeList"/>'s paging and <c>created</c>.
/// </summary>
public static class ListPaymentObjects
{
    private static readonly StripeListFilters<SandboxCharge> Charges = new StripeListFilters<SandboxCharge>()
        .Equal("payment_intent", c => c.PaymentIntent)
        .Equal("transfer_group", c => c.TransferGroup)
        .MatchesNothing("customer");

    private static readonly StripeListFilters<SandboxRefund> Refunds = new StripeListFilters<SandboxRefund>()
        .Equal("charge", r => r.Charge)
        .Equal("payment_intent", r => r.PaymentIntent);

    private static readonly StripeListFilters<SandboxDispute> Disputes = new StripeListFilters<SandboxDispute>()
        .Equal("charge", d => d.Charge)
        .Equal("payment_intent", d => d.PaymentIntent);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapStripeGet("/charges", request => StripeList.PageAsync(request, "/v1/charges", "charge", Charges,
            charge => GetPaymentObjects.RenderChargeAsync(request.Transaction.Session, charge, request.Http.RequestAborted))).EmulatesList(Charges);
        api.MapStripeGet("/refunds", request => StripeList.PageAsync(request, "/v1/refunds", "refund", Refunds, refund => refund.Render())).EmulatesList(Refunds);
        api.MapStripeGet("/disputes", request => StripeList.PageAsync(request, "/v1/disputes", "dispute", Disputes, dispute => dispute.Render())).EmulatesList(Disputes);
    }
}
