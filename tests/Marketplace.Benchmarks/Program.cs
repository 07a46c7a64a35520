using BenchmarkDotNet.Running;
using Marketplace.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(HealthEndpointBenchmarks).Assembly).Run(args);
