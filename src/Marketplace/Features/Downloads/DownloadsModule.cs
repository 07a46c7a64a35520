using Marketplace.Features.Downloads.Forensics;
using Marketplace.Features.Downloads.Watermarking;
using Marketplace.Features.Downloads.Watermarking.Images;
using Marketplace.Features.Downloads.Watermarking.Pdfs;
using Marketplace.Features.Downloads.Watermarking.Zips;
using Marketplace.Infrastructure.Modules;

namespace Marketplace.Features.Downloads;

/// <summary>
/// Buyers' copies of product files: the watermark engines (<see cref="Watermarks"/>) and leak tracing
/// (<see cref="LeakTracer"/>). Links, serving and the library come with orders; no endpoint yet.
/// </summary>
public sealed class DownloadsModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WatermarkingOptions>(configuration.GetSection(WatermarkingOptions.Section));
        services.AddSingleton<IWatermarker, ImageWatermarker>();
        services.AddSingleton<IWatermarker, PdfWatermarker>();
        services.AddSingleton<IWatermarker, ZipWatermarker>();
        services.AddSingleton<Watermarks>();
        services.AddSingleton<LeakTracer>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
    }
}
