using System.Text;
using Stripe;

namespace Marketplace.StripeSandbox.Events;

/// <summary>
/// POSTs an event to the webhook endpoint as Stripe does: the JSON body, signed with <c>Stripe-Signature</c>
/// (<c>t=timestamp,v1=HMAC-SHA256(secret, "t.body")</c>) with the Connect secret for events of connected accounts
/// and the platform secret otherwise, a fresh timestamp on every attempt.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory httpClients, SandboxSettings settings, TimeProvider clock)
{
    public async Task<DeliveryAttempt> PostAsync(SandboxEvent stripeEvent, int round, int copy, CancellationToken ct)
    {
        var secret = settings.SigningSecretFor(stripeEvent.Account);
        var at = clock.GetUtcNow();
        var signature = EventUtility.GenerateSignatureHeader(stripeEvent.Payload, secret, at.ToUnixTimeSeconds());
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.WebhookUrl)
        {
            Content = new StringContent(stripeEvent.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        request.Headers.TryAddWithoutValidation("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)");
        try
        {
            using var response = await httpClients.CreateClient(StripeSandboxHosting.WebhookHttpClientName).SendAsync(request, ct);
            return new DeliveryAttempt(round, copy, at, (int)response.StatusCode, null, signature);
        }
        catch (HttpRequestException e)
        {
            return new DeliveryAttempt(round, copy, at, null, e.Message, signature);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return new DeliveryAttempt(round, copy, at, null, "The endpoint did not answer in time.", signature);
        }
    }
}
