using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Payments;

/// <summary>
/// Paying a Checkout Session with a test card, from the hosted page or the control API. A card that succeeds makes a
/// succeeded payment intent and charge whose funds move (<see cref="ChargeFunds"/>) and completes the session:
/// <c>charge.succeeded</c>, <c>payment_intent.succeeded</c>, <c>checkout.session.completed</c> (then the destination
/// charge's <c>transfer.created</c> and <c>application_fee.created</c>). The disputed test card's dispute is opened in
/// the same transaction, its events after the payment's (<see cref="SandboxDisputes"/>). With <c>capture_method=manual</c>
/// the card is only authorized: the intent <c>requires_capture</c> (<c>payment_intent.amount_capturable_updated</c>), the
/// charge is not captured and nothing moves (nor is anything disputed) until <see cref="PaymentIntentCapture"/>. A
/// declined card leaves the session open with a failed charge: <c>charge.failed</c>, <c>payment_intent.payment_failed</c>.
/// </summary>
public static class SandboxCheckout
{
    /// <summary>Null when paid; otherwise why not (Stripe's card error).</summary>
    public static async Task<CardDecline?> PayAsync(
        SandboxTransaction transaction, SandboxCheckoutSession checkout, string? cardNumber, string? email, string? name, CancellationToken ct)
    {
        var verdict = TestCards.Check(cardNumber);
        if (verdict.Card is null)
        {
            return verdict.Decline;
        }

        var session = transaction.Session;
        var created = transaction.UnixNow;
        var intent = checkout.PaymentIntent is { } intentId ? await session.LoadAsync<SandboxPaymentIntent>(intentId, ct) : null;
        if (intent is null)
        {
            var data = checkout.PaymentIntentData;
            intent = new SandboxPaymentIntent
            {
                Id = SandboxIds.New("pi"), Created = created, Amount = checkout.AmountTotal, Currency = checkout.Currency,
                Description = data.Description, StatementDescriptor = data.StatementDescriptor, TransferGroup = data.TransferGroup,
                Metadata = new Dictionary<string, string>(data.Metadata), CaptureMethod = data.CaptureMethod, OnBehalfOf = data.OnBehalfOf,
                TransferDestination = data.TransferDestination, TransferAmount = data.TransferAmount, ApplicationFeeAmount = data.ApplicationFeeAmount,
            };
            checkout.PaymentIntent = intent.Id;
            await transaction.EmitAsync("payment_intent.created", intent.Render(), null);
        }

        var charge = new SandboxCharge
        {
            Id = SandboxIds.New("ch"), Created = created, Amount = intent.Amount, Currency = intent.Currency, PaymentIntent = intent.Id,
            PaymentMethod = SandboxIds.New("pm"), Card = verdict.Card, BillingName = name, BillingEmail = email, Description = intent.Description,
            TransferGroup = intent.TransferGroup, StatementDescriptor = intent.StatementDescriptor, Metadata = new Dictionary<string, string>(intent.Metadata),
            OnBehalfOf = intent.OnBehalfOf, TransferDestination = intent.TransferDestination, TransferAmount = intent.TransferAmount,
            ApplicationFeeAmount = intent.ApplicationFeeAmount,
        };
        intent.LatestCharge = charge.Id;
        intent.PaymentMethod = charge.PaymentMethod;
        intent.ReceiptEmail = email ?? intent.ReceiptEmail;
        if (verdict.Decline is { } decline)
        {
            charge.Status = "failed";
            charge.Failure = decline with { Charge = charge.Id };
            intent.LastError = charge.Failure;
            session.Insert(charge);
            session.Store(intent);
            session.Store(checkout);
            await transaction.EmitAsync("charge.failed", ChargeObject.Render(charge, []), null);
            await transaction.EmitAsync("payment_intent.payment_failed", intent.Render(), null);
            return charge.Failure;
        }

        var manual = intent.CaptureMethod == "manual";
        intent.LastError = null;
        if (manual)
        {
            charge.Captured = false;
            intent.Status = "requires_capture";
            intent.AmountCapturable = intent.Amount;
        }
        else
        {
            charge.AmountCaptured = charge.Amount;
            await ChargeFunds.CollectAsync(transaction, charge, ct);
            intent.Status = "succeeded";
            intent.AmountReceived = intent.Amount;
        }

        checkout.Status = "complete";
        checkout.PaymentStatus = manual ? "unpaid" : "paid";
        checkout.PaidEmail = email ?? checkout.CustomerEmail;
        checkout.PaidName = name;
        session.Store(charge);
        session.Store(intent);
        session.Store(checkout);
        await transaction.EmitAsync("charge.succeeded", ChargeObject.Render(charge, []), null);
        await transaction.EmitAsync(manual ? "payment_intent.amount_capturable_updated" : "payment_intent.succeeded", intent.Render(), null);
        await transaction.EmitAsync("checkout.session.completed", CheckoutSessionObject.Render(checkout), null);
        if (verdict.Disputed && manual)
        {
            charge.DisputeOnCapture = true;
        }
        else if (verdict.Disputed)
        {
            // Stripe's disputed test card: the dispute follows the payment in the payment's own transaction (its events
            // right after the payment's), so it is never lost to a race with the calls that come right after a payment.
            // The charge stored above is written as it is at commit: disputed.
            await SandboxDisputes.OpenAsync(transaction, charge, "fraudulent", null, ct);
        }

        return null;
    }

    /// <summary>Expires an open session (<c>checkout.session.expired</c>); returns whether it did.</summary>
    public static async Task<bool> ExpireAsync(SandboxTransaction transaction, SandboxCheckoutSession checkout)
    {
        if (checkout.Status != "open")
        {
            return false;
        }

        checkout.Status = "expired";
        transaction.Session.Store(checkout);
        await transaction.EmitAsync("checkout.session.expired", CheckoutSessionObject.Render(checkout), null);
        return true;
    }
}
