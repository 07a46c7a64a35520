using BenchmarkDotNet.Running;
using Marketplace.Benchmarks;
using Marketplace.Benchmarks.Catalog;
using Marketplace.Benchmarks.Checkout;
using Marketplace.Benchmarks.Downloads;
using Marketplace.Benchmarks.FanOut;
using Marketplace.Benchmarks.Intake;
using Marketplace.Benchmarks.Upload;
using Marketplace.Benchmarks.Watermark;

if (args is ["fanout", .. var options])
{
    return await FanOutHarness.RunAsync(options);
}

if (args is ["catalog", .. var catalogOptions])
{
    return await CatalogHarness.RunAsync(catalogOptions);
}

if (args is ["catalog-peer", .. var catalogPeerOptions])
{
    return await CatalogPeerServer.RunAsync(catalogPeerOptions);
}

if (args is ["checkout", .. var checkoutOptions])
{
    return await CheckoutHarness.RunAsync(checkoutOptions);
}

if (args is ["upload", .. var uploadOptions])
{
    return await UploadHarness.RunAsync(uploadOptions);
}

if (args is ["intake", .. var intakeOptions])
{
    return await IntakeHarness.RunAsync(intakeOptions);
}

if (args is ["watermark", .. var watermarkOptions])
{
    return await WatermarkHarness.RunAsync(watermarkOptions);
}

if (args is ["download", .. var downloadOptions])
{
    return await DownloadHarness.RunAsync(downloadOptions);
}

if (args is ["links", .. var linkOptions])
{
    return await LinkSigningHarness.RunAsync(linkOptions);
}

if (args is ["intake-peer", .. var peerOptions])
{
    return await PeerServer.RunAsync(peerOptions);
}

BenchmarkSwitcher.FromAssembly(typeof(HealthEndpointBenchmarks).Assembly).Run(args);
return 0;
