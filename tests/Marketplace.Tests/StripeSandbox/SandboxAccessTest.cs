using System.Text.Json;
using Stripe;
using Stripe.Checkout;

namespace Marketplace.Tests.StripeSandbox;

/// <summary>
/// What the access tests share: the platform's objects a connected account must not reach, and raw calls to the sandbox
/// with any key and <c>Stripe-Account</c>, answered as status and Stripe's error fields.
/// </summary>
public abstract class SandboxAccessTest(AppFixture fixture) : MoneyTest(fixture)
{
    protected sealed record Answer(int Status, string? Type, string? Code, string? Param, string Message, JsonElement Body)
    {
        public override string ToString() => $"{Status} {Type} {Code} {Param} \"{Message}\"";
    }

    protected sealed record Objects(string Shop, string OtherShop, string Intent, string Dispute, string Fee, string Transfer)
    {
        public string Fill(string path) => path.Replace("{pi}", Intent, StringComparison.Ordinal).Replace("{dp}", Dispute, StringComparison.Ordinal)
            .Replace("{fee}", Fee, StringComparison.Ordinal).Replace("{tr}", Transfer, StringComparison.Ordinal).Replace("{acct}", OtherShop, StringComparison.Ordinal);
    }

    /// <summary>Two onboarded shops; the platform's manual-capture intent, disputed charge, destination charge with its fee and transfer.</summary>
    protected async Task<Objects> PlatformObjectsAsync()
    {
        var shop = await OnboardedAccountAsync("Shop A");
        var other = await OnboardedAccountAsync("Shop B");
        var authorized = await PayAsync(await CheckoutAsync([5000], new SessionPaymentIntentDataOptions { CaptureMethod = "manual" }));
        var disputed = await PayAsync(await CheckoutAsync([4000]));
        var dispute = await OpenDisputeAsync(disputed.LatestChargeId);
        var destination = await PayAsync(await CheckoutAsync([10000], new SessionPaymentIntentDataOptions
        {
            ApplicationFeeAmount = 1000, TransferData = new SessionPaymentIntentDataTransferDataOptions { Destination = shop.Id },
        }));
        var charge = await ChargeAsync(destination.LatestChargeId);
        return new Objects(shop.Id, other.Id, authorized.Id, dispute, charge.ApplicationFeeId, charge.TransferId);
    }

    protected async Task ShouldBeUnchangedAsync(Objects objects)
    {
        (await new PaymentIntentService(Stripe).GetAsync(objects.Intent)).Status.ShouldBe("requires_capture");
        (await new DisputeService(Stripe).GetAsync(objects.Dispute)).Status.ShouldBe("needs_response");
        (await new ApplicationFeeService(Stripe).GetAsync(objects.Fee)).AmountRefunded.ShouldBe(0);
        (await new TransferService(Stripe).GetAsync(objects.Transfer)).AmountReversed.ShouldBe(0);
    }

    protected async Task<Answer> CallAsync(string method, string path, string? key, string? account)
    {
        var result = await Host.Scenario(s =>
        {
            if (method == "GET")
            {
                s.Get.Url($"/stripe-sandbox{path}");
            }
            else
            {
                s.Post.FormData([]).ToUrl($"/stripe-sandbox{path}");
            }

            if (key is not null)
            {
                s.WithRequestHeader("Authorization", $"Bearer {key}");
            }

            if (account is not null)
            {
                s.WithRequestHeader("Stripe-Account", account);
            }

            s.IgnoreStatusCode();
        });
        var body = result.ReadAsJson<JsonElement>();
        var status = result.Context.Response.StatusCode;
        if (!body.TryGetProperty("error", out var error))
        {
            return new Answer(status, null, null, null, "", body);
        }

        return new Answer(status, Text(error, "type"), Text(error, "code"), Text(error, "param"), Text(error, "message") ?? "", body);
    }

    private static string? Text(JsonElement error, string name) => error.TryGetProperty(name, out var value) ? value.GetString() : null;

    protected static List<string> Ids(Answer list) => [.. list.Body.GetProperty("data").EnumerateArray().Select(item => item.GetProperty("id").GetString()!)];
}
