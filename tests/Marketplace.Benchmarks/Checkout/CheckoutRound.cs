using System.Diagnostics;
using System.Net;
using Marketplace.Benchmarks.FanOut;

namespace Marketplace.Benchmarks.Checkout;

/// <summary>What one round saw: the checkout burst, the payments, and each order's time from paid webhook to entitlement.</summary>
public sealed record CheckoutRound(
    string Name, int Orders, double[] CheckoutMilliseconds, int CheckoutsFailed, double CheckoutSeconds, int PaymentsFailed, double PaySeconds,
    double EntitledSeconds, long Fulfilled, double[] WebhookToEntitlement, int PayRetries, string? FirstFailure)
{
    private const int MaxPayAttempts = 20;

    public double CheckoutsPerSecond => CheckoutMilliseconds.Length / CheckoutSeconds;

    /// <summary>
    /// One round: a fresh product in each shop, every buyer's cart holding both, then every checkout at once
    /// (<c>POST /api/checkout</c>: the order placed and its Stripe Checkout Session created on the sandbox), then every
    /// session paid at once on the sandbox (its control API, which pays as the hosted page does: the sandbox then
    /// delivers the signed webhooks to the app), then the wait until every order's entitlements are stored.
    /// </summary>
    public static async Task<CheckoutRound> RunAsync(string name, IReadOnlyList<CheckoutShop> shops, HttpClient[] buyers, CheckoutDatabase database)
    {
        var products = new List<Guid>();
        foreach (var shop in shops)
        {
            products.Add(await shop.PublishAsync($"{name} {shop.Name} {Guid.NewGuid().ToString("N")[..8]}", 1999));
        }

        using (var gate = new SemaphoreSlim(16))
        {
            await Task.WhenAll(buyers.Select(async buyer =>
            {
                await gate.WaitAsync();
                try
                {
                    foreach (var product in products)
                    {
                        using var added = await buyer.PostAsJsonAsync("api/cart/items", new { productId = product, quantity = 1 });
                        await Catalog.SellerApi.EnsureAsync(added, HttpStatusCode.OK);
                    }
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        string? firstFailure = null;
        var wall = Stopwatch.StartNew();
        var checkouts = await Task.WhenAll(buyers.Select(async buyer =>
        {
            var started = Stopwatch.GetTimestamp();
            using var answer = await buyer.PostAsync("api/checkout", null);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (answer.StatusCode != HttpStatusCode.OK)
            {
                var failure = $"checkout {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}";
                Interlocked.CompareExchange(ref firstFailure, failure, null);
                return (Buyer: buyer, Order: (Features.Orders.Checkout.Response?)null, Milliseconds: elapsed);
            }

            return (Buyer: buyer, Order: await answer.Content.ReadFromJsonAsync<Features.Orders.Checkout.Response>(), Milliseconds: elapsed);
        }));
        var checkoutSeconds = wall.Elapsed.TotalSeconds;
        var placed = checkouts.Where(c => c.Order is not null).ToArray();

        wall.Restart();
        var payRetries = 0;
        var paid = await Task.WhenAll(placed.Select(async c =>
        {
            var session = c.Order!.CheckoutUrl[(c.Order.CheckoutUrl.LastIndexOf('/') + 1)..];
            for (var attempt = 1; ; attempt++)
            {
                using var answer = await c.Buyer.PostAsJsonAsync($"stripe-sandbox/control/checkout/sessions/{session}/pay",
                    new { card = "4242424242424242", email = "buyer@benchmark.localhost", name = "A. Buyer" });
                // The sandbox keeps one platform balance document: payments at the same moment conflict on it and it
                // answers 409 "nothing was saved, retry", as a person would on the hosted page.
                if (answer.StatusCode == HttpStatusCode.Conflict && attempt < MaxPayAttempts)
                {
                    Interlocked.Increment(ref payRetries);
                    await Task.Delay(Random.Shared.Next(20, 100 * attempt));
                    continue;
                }

                if (answer.StatusCode != HttpStatusCode.OK)
                {
                    var failure = $"pay {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}";
                    Interlocked.CompareExchange(ref firstFailure, failure, null);
                }

                return answer.StatusCode == HttpStatusCode.OK;
            }
        }));
        var paySeconds = wall.Elapsed.TotalSeconds;

        var orderIds = placed.Select(c => c.Order!.OrderId).ToArray();
        var expected = paid.Count(p => p);
        long fulfilled;
        while ((fulfilled = await database.FulfilledAsync(orderIds)) < expected && wall.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(100);
        }

        var entitledSeconds = wall.Elapsed.TotalSeconds;
        var latencies = await database.WebhookToEntitlementAsync(orderIds);
        return new CheckoutRound(name, buyers.Length, [.. placed.Select(c => c.Milliseconds)], checkouts.Length - placed.Length, checkoutSeconds,
            paid.Count(p => !p), paySeconds, entitledSeconds, fulfilled, latencies, payRetries, firstFailure);
    }

    public string Line(string loadAverage) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"// {Name}: {CheckoutMilliseconds.Length}/{Orders} checkouts in {CheckoutSeconds:F2} s ({CheckoutsPerSecond:F1}/s, p50 {P(CheckoutMilliseconds, 50):F0} ms, " +
        $"p99 {P(CheckoutMilliseconds, 99):F0} ms); paid in {PaySeconds:F2} s ({PayRetries} sandbox conflicts retried); {Fulfilled} entitled {EntitledSeconds:F2} s after the first payment; " +
        $"webhook → entitlement p50 {P(WebhookToEntitlement, 50):F0} ms, p99 {P(WebhookToEntitlement, 99):F0} ms; load average {loadAverage}");

    public static double P(double[] values, double p) => Latencies.NearestRank([.. values.Order()], p);
}
