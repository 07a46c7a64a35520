using System.Diagnostics;
using Marketplace.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Infrastructure.Web;

/// <summary>
/// Every error is a ProblemDetails (RFC 9457) with a stable type, a trace id and the correlation id, for API clients
/// and anything that does not ask for HTML; a person in a browser gets the error page instead.
/// </summary>
public static class ErrorResponses
{
    public static void AddMarketplaceProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var http = context.HttpContext;
            problem.Status ??= http.Response.StatusCode;
            if (problem.Type is null || problem.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
            {
                problem.Type = ProblemTypes.ForStatus(problem.Status.Value);
            }

            problem.Instance ??= http.Request.Path;
            problem.Extensions["traceId"] = Activity.Current?.Id ?? http.TraceIdentifier;
            problem.Extensions["correlationId"] = CorrelationId.Of(http);
            if (problem.Status >= 500 && context.Exception is not null)
            {
                problem.Detail = "An unexpected error occurred. Quote the correlation id if you contact support.";
            }
        });

    public static bool WantsHtml(HttpContext context) =>
        !IsMachinePath(context.Request.Path) &&
        context.Request.Headers.Accept.Any(accept => accept?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);

    public static void UseMarketplaceErrorHandling(this WebApplication app)
    {
        app.UseWhen(WantsHtml, html =>
        {
            html.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = app.Environment.IsDevelopment() ? "/Error/500?dev=1" : "/Error/500",
                SuppressDiagnosticsCallback = SuppressForClientErrors,
            });
            html.UseStatusCodePagesWithReExecute("/Error/{0}");
        });
        app.UseWhen(context => !WantsHtml(context), api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandler = WriteUnhandledAsync,
                SuppressDiagnosticsCallback = SuppressForClientErrors,
            });
            api.UseStatusCodePages(context => WriteStatusAsync(context.HttpContext));
        });
    }

    private static bool SuppressForClientErrors(ExceptionHandlerSuppressDiagnosticsContext context)
    {
        if (!ClientErrors.IsClientError(context.Exception))
        {
            return false;
        }

        ClientErrors.Log(context.HttpContext, context.Exception);
        return true;
    }

    private static Task WriteStatusAsync(HttpContext http) =>
        WriteAsync(http, new ProblemDetails { Status = http.Response.StatusCode });

    /// <summary>The status of an exception that reached the handler; below 500 it is the client's doing (<see cref="ClientErrors"/>).</summary>
    public static int StatusOf(Exception? exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        not null when exception.IsConcurrencyConflict() => StatusCodes.Status409Conflict,
        not null when exception.IsUnstorableText() => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    };

    private static Task WriteUnhandledAsync(HttpContext http)
    {
        var exception = http.Features.Get<IExceptionHandlerFeature>()?.Error;
        var status = StatusOf(exception);
        http.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status };
        if (status == StatusCodes.Status409Conflict)
        {
            problem.Title = "Someone else changed this at the same moment.";
            problem.Detail = "Nothing was saved. Load it again and retry.";
        }
        else if (status < 500 && exception is BadHttpRequestException)
        {
            problem.Detail = exception.Message;
        }
        else if (status < 500)
        {
            problem.Title = "The request holds text that cannot be stored.";
            problem.Detail = "Remove control characters and invisible symbols, or shorten the text, and retry.";
        }
        else if (exception is not null && http.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            problem.Extensions["exception"] = exception.ToString();
        }

        return WriteAsync(http, problem, exception);
    }

    /// <summary>Writes <paramref name="problem"/> as the response, with its status, through the app's ProblemDetails customisation.</summary>
    public static async Task WriteAsync(HttpContext http, ProblemDetails problem, Exception? exception = null)
    {
        http.Response.StatusCode = problem.Status ?? http.Response.StatusCode;
        var service = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await service.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private static bool IsMachinePath(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/health") ||
        path.StartsWithSegments("/openapi") || path.StartsWithSegments("/hubs");
}
