using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Balances;
using Marketplace.StripeSandbox.Wire;
using Marten;

namespace Marketplace.StripeSandbox.Payments;

/// <summary>
/// <c>POST /v1/refunds</c> (<c>charge</c> or <c>payment_intent</c>, optional <c>amount</c>, <c>reason</c>,
/// <c>metadata</c>): refunds at once from the platform's balance; <c>charge.refunded</c> then <c>refund.created</c>.
/// </summary>
public static class CreateRefund
{
    private static readonly string[] Reasons = ["duplicate", "fraudulent", "requested_by_customer"];

    public static void Map(IEndpointRouteBuilder api) => api.MapStripePost("/refunds", ExecuteAsync)
        .Emulates(["amount", "charge", "metadata", "payment_intent", "reason"], "charge.refunded", "refund.created");

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
        refund.BalanceTransaction = SandboxBalanceTransaction.Record(session, created, null, -amount, charge.Currency, "refund", refund.Id).Id;
        var platform = await SandboxBalance.LoadAsync(session, null, ct);
        platform.Credit(-amount, charge.Currency);
        session.Store(platform);
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
