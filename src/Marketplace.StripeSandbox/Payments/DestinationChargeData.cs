using Marketplace.StripeSandbox.Connect;
using Marketplace.StripeSandbox.Wire;
using Marten;

namespace Marketplace.StripeSandbox.Payments;

/// <summary>
/// A Checkout Session's <c>payment_intent_data</c> for Connect: <c>capture_method</c>, <c>transfer_data[destination]</c>
/// and <c>[amount]</c>, <c>application_fee_amount</c>, <c>on_behalf_of</c>, refused as Stripe refuses them when the
/// session is created: an unknown account, one that cannot receive transfers, a fee without a destination, amounts
/// beyond the total.
/// </summary>
public static class DestinationChargeData
{
    private const string Prefix = "payment_intent_data";

    public static async Task ReadAsync(StripeForm form, PaymentIntentData data, long total, IQuerySession session, CancellationToken ct)
    {
        data.CaptureMethod = form.String(Prefix, "capture_method") ?? data.CaptureMethod;
        data.ApplicationFeeAmount = form.Long(Prefix, "application_fee_amount");
        data.TransferAmount = form.Long(Prefix, "transfer_data", "amount");
        if (form.String(Prefix, "transfer_data", "destination") is { Length: > 0 } destinationId)
        {
            var destination = await SandboxAccounts.LoadAsync(session, destinationId, ct, $"{Prefix}[transfer_data][destination]");
            if (destination.Capabilities.GetValueOrDefault("transfers") != "active")
            {
                throw new StripeApiException(StatusCodes.Status400BadRequest,
                    "Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments",
                    "insufficient_capabilities_for_transfer", $"{Prefix}[transfer_data][destination]");
            }

            data.TransferDestination = destination.Id;
        }

        if (form.String(Prefix, "on_behalf_of") is { Length: > 0 } onBehalfOf)
        {
            data.OnBehalfOf = (await SandboxAccounts.LoadAsync(session, onBehalfOf, ct, $"{Prefix}[on_behalf_of]")).Id;
        }

        if (data.ApplicationFeeAmount is { } fee)
        {
            if (data.TransferDestination is null)
            {
                throw StripeApiException.Invalid($"{Prefix}[application_fee_amount]",
                    "Can only apply an application_fee_amount when the PaymentIntent is attempting a direct payment (using an OAuth key or Stripe-Account header) or destination payment (using `transfer_data[destination]`).");
            }

            if (fee < 0 || fee > total)
            {
                throw StripeApiException.Invalid($"{Prefix}[application_fee_amount]",
                    $"The application fee ({fee}) must be between 0 and the amount of the payment ({total}).");
            }
        }

        if (data.TransferAmount is { } amount)
        {
            if (data.TransferDestination is null || amount < 0 || amount > total)
            {
                throw StripeApiException.Invalid($"{Prefix}[transfer_data][amount]",
                    $"transfer_data[amount] needs transfer_data[destination] and must be between 0 and the amount of the payment ({total}).");
            }

            if (data.ApplicationFeeAmount is not null)
            {
                throw StripeApiException.Invalid($"{Prefix}[application_fee_amount]", "You cannot specify both application_fee_amount and transfer_data[amount].");
            }
        }
    }
}
