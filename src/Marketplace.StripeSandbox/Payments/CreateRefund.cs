using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Balances;
using Marketplace.StripeSandbox.Wire;
using Marten;

namespace Marketplace.StripeSandbox.Payments;

/// <summary>
/// <c>POST /v1/refunds</c> (<c>charge</c> or <c>payment_intent</c>, optional <c>amount</c>, <c>reason</c>,
/// <c>metadata</c>, <c>reverse_transfer</c>, <c>refund_application_fee</c>): refunds at once from the platform's
/// balance, pending while the charge's funds are (Stripe keeps its card fee); <c>charge.refunded</c> then <c>refund.created</c>. A destination
/// charge's transfer and application fee are given back in proportion when asked (<see cref="RefundShare"/>).
/// </summary>
public static class CreateRefund
{
    private static readonly string[] Reasons = ["duplicate", "fraudulent", "requested_by_customer"];

    public static void Map(IEndpointRouteBuilder api) => api.MapStripePost("/refunds", ExecuteAsync)
        .Emulates(["amount", "charge", "metadata", "payment_intent", "reason", "refund_application_fee", "reverse_transfer"],
            "charge.refunded", "refund.created", "transfer.reversed", "application_fee.refunded");

    public static async Task<JsonObject> ExecuteAsync(SandboxApiRequest request)
    {
        var form = request.Form;
        var transaction = request.Transaction;
        var session = transaction.Session;
        var ct = request.Http.RequestAborted;
        var charge = await ChargeOfAsync(session, form, ct);
        if (charge.Disputed)
        {
            throw new StripeApiException(StatusCodes.Status400BadRequest, $"Charge {charge.Id} has been charged back; cannot issue a refund.", "charge_disputed");
        }

        if (charge.Refundable == 0)
        {
            throw new StripeApiException(StatusCodes.Status400BadRequest, $"Charge {charge.Id} has already been refunded.", "charge_already_refunded");
        }

        var amount = form.Long("amount") ?? charge.Refundable;
        if (amount <= 0 || amount > charge.Refundable)
        {
            throw new StripeApiException(StatusCodes.Status400BadRequest,
                $"Refund amount ({amount}) is greater than unrefunded amount on charge ({charge.Refundable}).", "amount_too_large", "amount");
        }

        var reason = form.String("reason");
        if (reason is not null && !Reasons.Contains(reason))
        {
            throw StripeApiException.Invalid("reason", $"Invalid reason: must be one of {string.Join(", ", Reasons)}.");
        }

        var before = await GetPaymentObjects.RenderChargeAsync(session, charge, ct);
        var created = transaction.UnixNow;
        var refund = new SandboxRefund
        {
            Id = SandboxIds.New("re"), Created = created, Amount = amount, Currency = charge.Currency, Charge = charge.Id,
            PaymentIntent = charge.PaymentIntent, Reason = reason, Metadata = form.Metadata().Where(pair => pair.Value.Length > 0).ToDictionary(),
        };
        refund.BalanceTransaction = (await transaction.Ledger.PostAsync(new Posting(null, -amount, charge.Currency, "refund", refund.Id) { AvailableOn = charge.FundsAvailableOn }, ct)).Id;
        var share = new RefundShare(charge, amount);
        if (form.Bool("reverse_transfer") == true)
        {
            refund.TransferReversal = await share.ReverseTransferAsync(transaction, refund.Id, ct);
        }

        if (form.Bool("refund_application_fee") == true)
        {
            await share.RefundApplicationFeeAsync(transaction, ct);
        }

        charge.AmountRefunded += amount;
        session.Store(charge);
        session.Insert(refund);
        var earlier = await session.Query<SandboxRefund>().Where(r => r.Charge == charge.Id).OrderByDescending(r => r.Created).ToListAsync(ct);
        var after = ChargeObject.Render(charge, [refund, .. earlier]);
        await transaction.EmitAsync("charge.refunded", after, null, StripeJson.Changes(before, after));
        await transaction.EmitAsync("refund.created", refund.Render(), null);
        return refund.Render();
    }

    private static async Task<SandboxCharge> ChargeOfAsync(IQuerySession session, StripeForm form, CancellationToken ct)
    {
        if (form.String("payment_intent") is { Length: > 0 } intentId)
        {
            var intent = await session.LoadAsync<SandboxPaymentIntent>(intentId, ct) ?? throw StripeApiException.NoSuch("payment_intent", intentId, "payment_intent");
            return intent is { Status: "succeeded", LatestCharge: { } latest } && await session.LoadAsync<SandboxCharge>(latest, ct) is { } paid
                ? paid
                : throw new StripeApiException(StatusCodes.Status400BadRequest,
                    $"This PaymentIntent ({intentId}) does not have a successful charge to refund.", "charge_not_refundable", "payment_intent");
        }

        var chargeId = form.Required("charge");
        var charge = await session.LoadAsync<SandboxCharge>(chargeId, ct) ?? throw StripeApiException.NoSuch("charge", chargeId, "charge");
        return charge.Paid ? charge
            : throw new StripeApiException(StatusCodes.Status400BadRequest, $"Charge {chargeId} did not succeed; it cannot be refunded.", "charge_not_refundable", "charge");
    }
}
