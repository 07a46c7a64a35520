using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Marketplace.Testing;

/// <summary>
/// A stand-in for Resend's API on a loopback port (the email transport tests, the production smoke's mail): answers
/// every request with the next scripted status (then 200) and records what it received.
/// </summary>
public sealed class FakeResendServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _statuses;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private FakeResendServer(WebApplication app, IEnumerable<int> statuses)
    {
        _app = app;
        _statuses = new ConcurrentQueue<int>(statuses);
    }

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<FakeResendServer> StartAsync(params int[] statuses)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeResendServer(app, statuses);
        app.Run(server.AnswerAsync);
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
        server.BaseUrl = new Uri(app.Urls.Single());
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var headers = context.Request.Headers;
        _requests.Enqueue(new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            headers.Authorization.ToString(),
            headers["Idempotency-Key"].ToString(),
            context.Request.ContentType,
            await reader.ReadToEndAsync(context.RequestAborted)));

        var status = _statuses.TryDequeue(out var next) ? next : StatusCodes.Status200OK;
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(status < 400
            ? $$"""{"id":"{{Guid.NewGuid()}}"}"""
            : $$"""{"statusCode":{{status}},"message":"Scripted failure {{status}}.","name":"{{(status == 422 ? "validation_error" : "application_error")}}"}""");
    }
}

public sealed record RecordedRequest(string Method, string Path, string Authorization, string IdempotencyKey, string? ContentType, string Body);
