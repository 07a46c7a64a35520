using System.Globalization;
using Marketplace.Benchmarks.Intake;
using Marketplace.Features.Payouts;

namespace Marketplace.Benchmarks.Checkout;

/// <summary>
/// <c>dotnet run -c Release --project tests/Marketplace.Benchmarks -- checkout [--orders 100] [--reps 3] [--warmup 10] [--smoke]</c>:
/// checkout sessions created per second with <c>--orders</c> checkouts in flight at once, and the time from a paid
/// webhook received to the order's entitlements stored, for as many orders paid at once; the real app as a child
/// process with its embedded Stripe sandbox, over HTTP. <c>--smoke</c> is 10 orders, one round, two warm-up orders.
/// See docs/performance.md#checkout.
/// </summary>
public static class CheckoutHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var smoke = args.Contains("--smoke");
        var orders = Number(args, "--orders", smoke ? 10 : 100);
        var reps = Number(args, "--reps", smoke ? 1 : 3);
        var warmup = Number(args, "--warmup", smoke ? 2 : 10);
        Console.WriteLine($"// checkout: {orders} orders at once, {reps} round(s) after a warm-up round of {warmup}; load average {IntakeReport.LoadAverage()}");

        // One client address for everything: the per-address limits of the API and of sign-in would refuse a load test.
        var settings = new Dictionary<string, string>
        {
            ["RateLimits__api__PermitLimit"] = "1000000000",
            ["RateLimits__auth__PermitLimit"] = "1000000000",
        };
        // A generous probe: on a busy machine the app's first answers take longer than the other harnesses' 5 s.
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        await using var app = await MarketplaceProcess.StartAsync(probe, settings);
        string connectionString;
        await using (var cluster = IntakeDatabase.OfRunningApp(MarketplaceProcess.DataPath))
        {
            connectionString = cluster.ConnectionString;
        }

        await using var database = new CheckoutDatabase(connectionString);
        CheckoutShop[] shops =
        [
            await CheckoutShop.ReadyAsync(app.BaseAddress, "seller@marketplace.localhost", "", DemoShop.Slug),
            await CheckoutShop.ReadyAsync(app.BaseAddress, "admin@marketplace.localhost", "Northwind Pixel Supply", "northwind-pixel-supply"),
        ];
        var buyers = await CheckoutBuyers.EnsureAsync(app.BaseAddress, warmup + orders);
        Console.WriteLine($"// {buyers.Length} buyers signed in; each round sells a new product of {string.Join(" and ", shops.Select(s => s.Name))} to each");

        var rounds = new List<CheckoutRound>();
        try
        {
            if (warmup > 0)
            {
                var warm = await CheckoutRound.RunAsync("warm-up", shops, buyers[..warmup], database);
                Console.WriteLine(warm.Line(IntakeReport.LoadAverage()));
            }

            for (var rep = 1; rep <= reps; rep++)
            {
                var round = await CheckoutRound.RunAsync($"round {rep}", shops, buyers[warmup..], database);
                Console.WriteLine(round.Line(IntakeReport.LoadAverage()));
                if (round.FirstFailure is { } failure)
                {
                    Console.WriteLine($"//   first failure: {failure}");
                }

                rounds.Add(round);
            }
        }
        finally
        {
            foreach (var client in buyers.Concat<IDisposable>(shops))
            {
                client.Dispose();
            }
        }

        Console.WriteLine($"// load average at the end {IntakeReport.LoadAverage()}");
        Console.WriteLine();
        CheckoutReport.Print(rounds);
        return rounds.All(r => r.CheckoutsFailed == 0 && r.PaymentsFailed == 0 && r.Fulfilled == r.Orders) ? 0 : 1;
    }

    private static int Number(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
