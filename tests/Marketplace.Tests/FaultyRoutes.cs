using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.Tests;

/// <summary>
/// Adds <c>/__tests/throw</c> behind the app's own pipeline (after its endpoints), so a test can watch the app's
/// error handling meet an unhandled exception.
/// </summary>
public sealed class FaultyRoutes : IStartupFilter
{
    public const string Throw = "/__tests/throw";

    /// <summary>Sends the request body to PostgreSQL as text as it is, past every validator (a NUL makes PostgreSQL refuse it).</summary>
    public const string StoreText = "/__tests/store-text";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.Use((HttpContext context, RequestDelegate following) => context.Request.Path == Throw
            ? throw new InvalidOperationException("Deliberate failure with a secret: s3cr3t")
            : context.Request.Path == StoreText ? StoreTextAsync(context) : following(context));
    };

    private static async Task StoreTextAsync(HttpContext context)
    {
        var text = await new StreamReader(context.Request.Body).ReadToEndAsync();
        var store = context.RequestServices.GetRequiredService<IDocumentStore>();
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select $1::text", connection) { Parameters = { new() { Value = text } } };
        await context.Response.WriteAsync((string)(await command.ExecuteScalarAsync())!);
    }
}
