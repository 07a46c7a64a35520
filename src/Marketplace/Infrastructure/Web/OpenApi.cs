using Scalar.AspNetCore;

namespace Marketplace.Infrastructure.Web;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c> and its browsable reference at <c>/scalar</c>.</summary>
public static class OpenApi
{
    public static void AddMarketplaceOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Marketplace API";
            document.Info.Version = "v1";
            document.Info.Description = "Digital goods, shops paid through Stripe Connect, and a live community forum. " +
                "Errors are RFC 9457 ProblemDetails; money is minor units with an ISO currency.";
            return Task.CompletedTask;
        }));

    public static void MapMarketplaceOpenApi(this WebApplication app)
    {
        app.MapOpenApi().DisableRateLimiting();
        app.MapScalarApiReference(options => options.WithTitle("Marketplace API")).DisableRateLimiting();
    }
}
