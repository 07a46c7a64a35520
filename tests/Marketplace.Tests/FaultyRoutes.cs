using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Marketplace.Tests;

/// <summary>
/// Adds <c>/__tests/throw</c> behind the app's own pipeline (after its endpoints), so a test can watch the app's
/// error handling meet an unhandled exception.
/// </summary>
public sealed class FaultyRoutes : IStartupFilter
{
    public const string Throw = "/__tests/throw";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.Use((HttpContext context, RequestDelegate following) => context.Request.Path == Throw
            ? throw new InvalidOperationException("Deliberate failure with a secret: s3cr3t")
            : following(context));
    };
}
