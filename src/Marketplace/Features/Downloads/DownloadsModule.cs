using Marketplace.Features.Downloads.Copies;
using Marketplace.Features.Downloads.Forensics;
using Marketplace.Features.Downloads.Library;
using Marketplace.Features.Downloads.Links;
using Marketplace.Features.Downloads.Serving;
using Marketplace.Features.Downloads.Watermarking;
using Marketplace.Features.Downloads.Watermarking.Images;
using Marketplace.Features.Downloads.Watermarking.Pdfs;
using Marketplace.Features.Downloads.Watermarking.Zips;
using Marketplace.Infrastructure.Modules;
using Marketplace.Infrastructure.Web;
using Marten;

namespace Marketplace.Features.Downloads;

/// <summary>
/// Buyers' copies of product files: the watermark engines (<see cref="Watermarks"/>), each buyer's copy made after
/// payment (<see cref="PrepareCopyHandler"/>), the library, signed links and serving them, and leak tracing
/// (<see cref="LeakTracer"/>).
/// </summary>
public sealed class DownloadsModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WatermarkingOptions>(configuration.GetSection(WatermarkingOptions.Section));
        services.Configure<DownloadOptions>(configuration.GetSection(DownloadOptions.Section));
        services.AddSingleton<IWatermarker, ImageWatermarker>();
        services.AddSingleton<IWatermarker, PdfWatermarker>();
        services.AddSingleton<IWatermarker, ZipWatermarker>();
        services.AddSingleton<Watermarks>();
        services.AddSingleton<LeakTracer>();
        services.AddSingleton<CopyMaker>();
        services.AddSingleton<DownloadLinks>();
        services.AddSingleton<FileDelivery>();
        services.ConfigureMarten(options =>
        {
            options.Schema.For<BuyerCopy>().Index(x => x.BuyerId);
            options.Schema.For<DownloadAllowance>();
            options.Schema.For<LinkSharing>();
            options.Schema.For<DownloadAttempt>().Index(x => x.EntitlementId);
        });
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        // A suspended member keeps what they bought: asking for a download link stays open to them.
        var library = app.MapApi("/library", "Downloads").WithMetadata(new AllowedWhileSuspendedAttribute());
        GetLibrary.Map(library);
        IssueDownloadLink.Map(library);
        ServeDownload.Map(app);
    }
}
