using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Payments;

/// <summary>
/// <c>POST /v1/payment_intents/{id}/capture</c> (<c>amount_to_capture</c> up to what was authorized, default all;
/// <c>application_fee_amount</c>, <c>transfer_data[amount]</c>, <c>metadata</c>): captures a <c>requires_capture</c>
/// intent, releases the rest of the authorization and moves the funds (<see cref="ChargeFunds"/>):
/// <c>charge.captured</c>, <c>payment_intent.succeeded</c>. <c>POST /v1/payment_intents/{id}/cancel</c>
/// (<c>cancellation_reason</c>) releases an authorization: <c>charge.refunded</c>, <c>payment_intent.canceled</c>.
/// </summary>
public static class PaymentIntentCapture
{
    private static readonly string[] Cancelable = ["requires_payment_method", "requires_capture", "requires_confirmation", "requires_action", "processing"];

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapStripePost("/payment_intents/{id}/capture", CaptureAsync)
            .Emulates(["amount_to_capture", "application_fee_amount", "metadata", "transfer_data[amount]"], "charge.captured", "payment_intent.succeeded");
        api.MapStripePost("/payment_intents/{id}/cancel", CancelAsync).Emulates(["cancellation_reason"], "payment_intent.canceled");
    }

    public static async Task<JsonObject> CaptureAsync(SandboxApiRequest request)
    {
        var (intent, charge) = await LoadAsync(request);
        if (intent.Status != "requires_capture" || charge is null)
        {
            throw Unexpected(intent, "capture", "requires_capture");
        }

        var form = request.Form;
        var amount = form.Long("amount_to_capture") ?? intent.AmountCapturable;
        if (amount <= 0 || amount > intent.AmountCapturable)
        {
            throw new StripeApiException(StatusCodes.Status400BadRequest,
                $"The amount to capture ({amount}) must be greater than 0 and at most the amount capturable ({intent.AmountCapturable}).",
                "amount_too_large", "amount_to_capture");
        }

        intent.ApplicationFeeAmount = form.Long("application_fee_amount") ?? intent.ApplicationFeeAmount;
        intent.TransferAmount = form.Long("transfer_data", "amount") ?? intent.TransferAmount;
        if (intent.ApplicationFeeAmount > amount || intent.TransferAmount > amount)
        {
            throw StripeApiException.Invalid("application_fee_amount", "The application fee and transfer amount cannot exceed the amount captured.");
        }

        StripeForm.ApplyMetadata(intent.Metadata, form.Metadata());
        var before = await GetPaymentObjects.RenderChargeAsync(request.Transaction.Session, charge, request.Http.RequestAborted);
        charge.Captured = true;
        charge.AmountCaptured = amount;
        charge.AmountReleased = charge.Amount - amount;
        charge.AmountRefunded += charge.AmountReleased;
        charge.ApplicationFeeAmount = intent.ApplicationFeeAmount;
        charge.TransferAmount = intent.TransferAmount;
        await ChargeFunds.CollectAsync(request.Transaction, charge, request.Http.RequestAborted);
        intent.Status = "succeeded";
        intent.AmountReceived = amount;
        intent.AmountCapturable = 0;
        var after = ChargeObject.Render(charge, []);
        await StoreAndEmitAsync(request, intent, charge, "charge.captured", after, StripeJson.Changes(before, after), "payment_intent.succeeded");
        if (charge.DisputeOnCapture)
        {
            charge.DisputeOnCapture = false;
            await SandboxDisputes.OpenAsync(request.Transaction, charge, "fraudulent", null, request.Http.RequestAborted);
        }

        return intent.Render();
    }

    public static async Task<JsonObject> CancelAsync(SandboxApiRequest request)
    {
        var (intent, charge) = await LoadAsync(request);
        if (!Cancelable.Contains(intent.Status))
        {
            throw Unexpected(intent, "cancel", string.Join(", ", Cancelable));
        }

        intent.CancellationReason = request.Form.String("cancellation_reason");
        intent.CanceledAt = request.Transaction.UnixNow;
        var released = intent.Status == "requires_capture" && charge is not null;
        intent.Status = "canceled";
        intent.AmountCapturable = 0;
        if (released)
        {
            var before = ChargeObject.Render(charge!, []);
            charge!.AmountReleased = charge.Amount;
            charge.AmountRefunded = charge.Amount;
            var after = ChargeObject.Render(charge, []);
            await StoreAndEmitAsync(request, intent, charge, "charge.refunded", after, StripeJson.Changes(before, after), "payment_intent.canceled");
        }
        else
        {
            request.Transaction.Session.Store(intent);
            await request.Transaction.EmitAsync("payment_intent.canceled", intent.Render(), null);
        }

        return intent.Render();
    }

    private static async Task StoreAndEmitAsync(
        SandboxApiRequest request, SandboxPaymentIntent intent, SandboxCharge charge, string chargeEvent, JsonObject chargeObject, JsonObject? changes, string intentEvent)
    {
        var transaction = request.Transaction;
        transaction.Session.Store(charge);
        transaction.Session.Store(intent);
        await transaction.EmitAsync(chargeEvent, chargeObject, null, changes);
        await transaction.EmitAsync(intentEvent, intent.Render(), null);
    }

    private static async Task<(SandboxPaymentIntent Intent, SandboxCharge? Charge)> LoadAsync(SandboxApiRequest request)
    {
        var intent = await GetPaymentObjects.LoadIntentAsync(request);
        var charge = intent.LatestCharge is { } chargeId ? await request.Transaction.Session.LoadAsync<SandboxCharge>(chargeId, request.Http.RequestAborted) : null;
        return (intent, charge);
    }

    private static StripeApiException Unexpected(SandboxPaymentIntent intent, string action, string allowed) => new(StatusCodes.Status400BadRequest,
        $"You cannot {action} this PaymentIntent because it has a status of {intent.Status}. Only a PaymentIntent with one of the following statuses may be {(action == "cancel" ? "canceled" : "captured")}: {allowed}.",
        "payment_intent_unexpected_state");
}
