using BenchmarkDotNet.Running;
using Marketplace.Benchmarks;
using Marketplace.Benchmarks.FanOut;

if (args is ["fanout", .. var options])
{
    return await FanOutHarness.RunAsync(options);
}

BenchmarkSwitcher.FromAssembly(typeof(HealthEndpointBenchmarks).Assembly).Run(args);
return 0;
