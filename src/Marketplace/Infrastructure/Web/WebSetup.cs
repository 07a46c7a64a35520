using FluentValidation;
using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Files;
using Marketplace.Infrastructure.Images;
using Marketplace.Infrastructure.Modules;
using Marketplace.Infrastructure.Security;
using Marketplace.Infrastructure.Validation;
using Microsoft.AspNetCore.HttpOverrides;
using Serilog;
using Serilog.Events;

namespace Marketplace.Infrastructure.Web;

/// <summary>The HTTP plumbing every feature relies on, in pipeline order.</summary>
public static class WebSetup
{
    public static void AddMarketplaceWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddMarketplaceProblemDetails();
        services.AddMarketplaceDataProtection();
        services.AddValidatorsFromAssemblyContaining<Program>(includeInternalTypes: true);
        PlainMessages.Use();
        services.AddSafeTextValidation();
        services.AddMarketplaceRateLimiting(builder.Configuration);
        services.AddMarketplaceHealthChecks();
        services.AddMarketplaceOpenApi();
        services.AddRazorPages();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "mp.antiforgery";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Secure over HTTPS (X-Forwarded-Proto counts)
        });
        builder.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(options => options.Cookie.Name = "mp.notice");
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<ImageLimits>().BindConfiguration(ImageLimits.Section);
        services.AddSingleton<UntrustedImages>();
        builder.AddMarketplaceFiles();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.AllowTrailingCommas = false);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // Not X-Forwarded-Host: the proxy passes the Host it was asked for, which host filtering checks; a
            // forwarded host would slip past that check into links built from the request.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var network in builder.Configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
    }

    public static void UseMarketplaceWeb(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<CorrelationId>();
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>(); // this host's logger, not the static one
            options.EnrichDiagnosticContext = (diagnostics, http) =>
                diagnostics.Set("ClientAddress", http.Connection.RemoteIpAddress?.ToString());
            options.GetLevel = (http, _, error) => error is not null || http.Response.StatusCode >= 500 ? LogEventLevel.Error
                : http.Request.Path.StartsWithSegments("/health") ? LogEventLevel.Verbose // probes every few seconds
                : LogEventLevel.Information;
        });
        app.UseMiddleware<SecurityHeaders>();
        app.UseMarketplaceErrorHandling();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseStaticFiles();
        app.UseRouting();
        app.UseMiddleware<QueryTextGuard>();
        app.UseMarketplaceAuthentication();
        app.UseFeatureMiddleware();
        app.UseRateLimiter();
        app.UseMiddleware<ExpensiveWorkLimit>();
        app.UseAuthorization();
        app.UseAntiforgery();
    }

    public static void MapMarketplaceWeb(this WebApplication app)
    {
        app.MapMarketplaceHealthChecks();
        app.MapMarketplaceOpenApi();
        app.MapRazorPages();
    }
}
