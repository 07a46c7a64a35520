using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Scalar.AspNetCore;

namespace Marketplace.Infrastructure.Web;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c> and its browsable reference at <c>/scalar</c>.</summary>
public static class OpenApi
{
    public static void AddMarketplaceOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.CreateSchemaReferenceId = SchemaId;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Marketplace API";
                document.Info.Version = "v1";
                document.Info.Description = "Digital goods, shops paid through Stripe Connect, and a live community forum. " +
                    "Errors are RFC 9457 ProblemDetails; money is minor units with an ISO currency.";
                return Task.CompletedTask;
            });
        });

    /// <summary>
    /// A schema's name: a type nested in a use case is named after it (<c>Register.Request</c> → <c>RegisterRequest</c>),
    /// so the many records called <c>Request</c> or <c>Response</c> each get a schema of their own.
    /// </summary>
    public static string? SchemaId(JsonTypeInfo typeInfo)
    {
        var id = OpenApiOptions.CreateDefaultSchemaReferenceId(typeInfo);
        for (var outer = typeInfo.Type.DeclaringType; id is not null && outer is not null; outer = outer.DeclaringType)
        {
            id = outer.Name + id;
        }

        return id;
    }

    public static void MapMarketplaceOpenApi(this WebApplication app)
    {
        app.MapOpenApi().DisableRateLimiting();
        app.MapScalarApiReference(options => options.WithTitle("Marketplace API")).DisableRateLimiting();
    }
}
