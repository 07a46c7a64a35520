using System.Diagnostics;
using System.Text.RegularExpressions;
using Marketplace.Testing;

namespace Marketplace.BrowserTests;

/// <summary>
/// The real app in a process of its own on a loopback port, as a person would run it, against a test database.
/// </summary>
public sealed partial class AppServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly List<string> _output = [];

    private AppServer(Process process) => _process = process;

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_output)
            {
                return [.. _output];
            }
        }
    }

    /// <param name="connectionString">The test database.</param>
    /// <param name="settings">Extra configuration as environment variables (<c>Seed__AdminEmail</c>, ...).</param>
    public static async Task<AppServer> StartAsync(string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryPaths.App,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Marketplace.dll"), "--urls", "http://127.0.0.1:0", "--contentRoot", RepositoryPaths.App })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["ConnectionStrings__Marketplace"] = connectionString;
        // Development reviews a new shop's first product; the browser tests publish at once.
        info.Environment["Moderation__ReviewFirstProducts"] = "0";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var server = new AppServer(Process.Start(info) ?? throw new InvalidOperationException("Could not start the app."));
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Collect(object? _, DataReceivedEventArgs line)
        {
            if (line.Data is null)
            {
                return;
            }

            lock (server._output)
            {
                server._output.Add(line.Data);
            }

            if (ListeningOn().Match(line.Data) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups["url"].Value));
            }
        }

        server._process.OutputDataReceived += Collect;
        server._process.ErrorDataReceived += Collect;
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        server._process.EnableRaisingEvents = true;
        server._process.Exited += (_, _) => listening.TrySetException(
            new InvalidOperationException("The app exited while starting:\n" + string.Join('\n', server.Output)));

        server.BaseAddress = await listening.Task.WaitAsync(StartTimeout);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGINT lets the app stop gracefully (Wolverine releases its node and leases).
            using var interrupt = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
        // What the app logged, for reading after a failed run (a browser test sees only the page).
        var results = Path.Combine(RepositoryPaths.Root, "TestResults");
        Directory.CreateDirectory(results);
        await File.WriteAllLinesAsync(Path.Combine(results, "browser-app.log"), Output);
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
