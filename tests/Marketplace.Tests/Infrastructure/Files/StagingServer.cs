using System.Net.Http.Json;
using System.Threading.Channels;
using Marketplace.Infrastructure.Files;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Marketplace.Tests.Infrastructure.Files;

/// <summary>
/// A real Kestrel server on loopback with one route, <c>POST /upload</c>, that stages the request's file as the
/// product upload endpoint will, answers what it received, and deletes it. Kestrel, not the in-memory test server:
/// body size limits, connection aborts and streaming are Kestrel's. The upload endpoint itself is not built yet.
/// </summary>
public sealed class StagingServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<StagingResult> _outcomes = Channel.CreateUnbounded<StagingResult>();

    /// <summary>What the route answers for a staged upload: what <see cref="StagedUpload"/> said, and <c>Exists</c>,
    /// whether its file was where it said before it was disposed.</summary>
    public sealed record Received(long Length, string Sha256, string OriginalName, string? DeclaredContentType, bool Exists);

    private StagingServer(WebApplication app, FileLimits limits)
    {
        _app = app;
        Limits = limits;
    }

    public FileLimits Limits { get; }

    /// <summary>The temporary folder; empty whenever no upload is arriving.</summary>
    public string Folder => Limits.TempPath;

    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromMinutes(2) };

    public static async Task<StagingServer> StartAsync(long maxBytes)
    {
        var limits = new FileLimits
        {
            MaxBytes = maxBytes,
            TempPath = Directory.CreateTempSubdirectory("marketplace-staging-").FullName,
        };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new StagingServer(app, limits);
        var staging = new UploadStaging(Options.Create(limits), NullLogger<UploadStaging>.Instance);
        app.MapPost("/upload", (Delegate)((HttpContext http) => server.UploadAsync(staging, http)));
        await app.StartAsync();
        server.Client.BaseAddress = new Uri(app.Urls.First());
        return server;
    }

    /// <summary>What the server made of the next upload, once it is done with it (the staged file deleted).</summary>
    public async Task<StagingResult> NextOutcomeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await _outcomes.Reader.ReadAsync(timeout.Token);
    }

    public async Task<HttpResponseMessage> PostAsync(HttpContent content) => await Client.PostAsync("/upload", content);

    public static async Task<Received> ReceivedAsync(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Received>())!;
    }

    private async Task<IResult> UploadAsync(UploadStaging staging, HttpContext http)
    {
        var outcome = await staging.StageAsync(http.Request, http.RequestAborted);
        IResult answer;
        if (outcome is StagingResult.Staged { Upload: var staged })
        {
            await using (staged)
            {
                answer = Results.Json(new Received(staged.Length, staged.Sha256, staged.OriginalName, staged.DeclaredContentType, File.Exists(staged.Path)));
            }
        }
        else
        {
            var refused = (StagingResult.Refused)outcome;
            answer = Results.Problem(statusCode: refused.Status, detail: refused.Message);
        }

        _outcomes.Writer.TryWrite(outcome);
        return answer;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
