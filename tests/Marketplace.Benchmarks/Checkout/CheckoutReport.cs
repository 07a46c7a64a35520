using System.Globalization;

namespace Marketplace.Benchmarks.Checkout;

/// <summary>The results table: a row per round, then every round's orders together.</summary>
public static class CheckoutReport
{
    public static void Print(IReadOnlyList<CheckoutRound> rounds)
    {
        Console.WriteLine("| round | orders at once | checkout sessions/s | checkout p50 (ms) | checkout p99 (ms) | failed | all paid (s) | pay retries | all entitled (s) | webhook → entitlement p50 (ms) | p99 (ms) | max (ms) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var round in rounds)
        {
            Console.WriteLine(Row(round.Name, round.Orders, round.CheckoutsPerSecond.ToString("F1", CultureInfo.InvariantCulture), round.CheckoutMilliseconds,
                round.CheckoutsFailed + round.PaymentsFailed + (int)(round.Orders - round.Fulfilled), $"{round.PaySeconds:F1}", $"{round.PayRetries}", $"{round.EntitledSeconds:F1}",
                round.WebhookToEntitlement));
        }

        if (rounds.Count > 1)
        {
            double[] rates = [.. rounds.Select(r => r.CheckoutsPerSecond).Order()];
            Console.WriteLine(Row("all rounds", rounds[0].Orders, $"{rates[rates.Length / 2]:F1} (median)", [.. rounds.SelectMany(r => r.CheckoutMilliseconds)],
                rounds.Sum(r => r.CheckoutsFailed + r.PaymentsFailed + (int)(r.Orders - r.Fulfilled)), "", $"{rounds.Sum(r => r.PayRetries)}", "", [.. rounds.SelectMany(r => r.WebhookToEntitlement)]));
        }
    }

    private static string Row(string name, int orders, string rate, double[] checkout, int failed, string paid, string retries, string entitled, double[] webhook) =>
        string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {orders} | {rate} | {CheckoutRound.P(checkout, 50):F0} | {CheckoutRound.P(checkout, 99):F0} | {failed} | {paid} | {retries} | {entitled} | " +
            $"{CheckoutRound.P(webhook, 50):F0} | {CheckoutRound.P(webhook, 99):F0} | {CheckoutRound.P(webhook, 100):F0} |");
}
