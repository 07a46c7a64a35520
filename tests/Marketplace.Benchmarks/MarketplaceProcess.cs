using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Marketplace.Benchmarks;

/// <summary>
/// The real app as a child process, run from its Release build output in the Development environment on a free
/// loopback port, with its own embedded PostgreSQL cluster. Stopped with a signal, gracefully, so it stops the cluster.
/// </summary>
public sealed class MarketplaceProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private MarketplaceProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <summary>The app's <c>Marketplace:DataPath</c>: where its embedded PostgreSQL cluster lives.</summary>
    public static string DataPath => Path.Combine(RepositoryRoot(), "tests", "Marketplace.Benchmarks", ".data");

    /// <param name="client">Polls <c>/health/ready</c> until the app answers.</param>
    /// <param name="settings">Extra configuration as environment variables (<c>RateLimits__api__PermitLimit</c>, ...).</param>
    public static async Task<MarketplaceProcess> StartAsync(HttpClient client, IReadOnlyDictionary<string, string>? settings = null)
    {
        // The copy of the app's build output that the project reference puts next to this assembly: built with the
        // benchmark, and not rewritten halfway through a run by someone else's build of src/Marketplace.
        var dll = Path.Combine(AppContext.BaseDirectory, "Marketplace.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is missing; build tests/Marketplace.Benchmarks in Release.", dll);
        }

        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("ConnectionStrings__Marketplace");
        start.Environment["Marketplace__DataPath"] = DataPath;
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        start.Environment["Serilog__MinimumLevel__Override__Microsoft.AspNetCore"] = "Warning";
        start.Environment["Serilog__MinimumLevel__Override__Microsoft.Hosting.Lifetime"] = "Warning";
        // The benchmarks' new shops publish at once: a moderator's review of first products is not what they measure.
        start.Environment["Moderation__ReviewFirstProducts"] = "0";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var app = ChildProcesses.Track(new MarketplaceProcess(process, new Uri($"http://127.0.0.1:{port}/")));
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilReadyAsync(client);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    public async ValueTask DisposeAsync()
    {
        ChildProcesses.Forget(this);
        if (!_process.HasExited)
        {
            // SIGINT, as Ctrl+C would. A child of a background shell job inherits SIGINT as ignored, though; then
            // SIGTERM, which the host handles the same way (graceful stop, then the embedded PostgreSQL stops).
            var signal = IgnoresSigInt(_process.Id) ? "-TERM" : "-INT";
            using (var kill = Process.Start("kill", [signal, _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(StopTimeout);
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
                Console.WriteLine($"// Marketplace (pid {_process.Id}) stopped on SIG{signal[1..]} with exit code {_process.ExitCode}");
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine($"// Marketplace (pid {_process.Id}) did not stop within {StopTimeout} of SIG{signal[1..]}; killing it.");
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(HttpClient client)
    {
        var ready = new Uri(BaseAddress, "health/ready");
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < ReadyTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Marketplace exited with {_process.ExitCode} before it was ready:\n{Tail()}");
            }

            try
            {
                using var response = await client.GetAsync(ready);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Console.WriteLine($"// Marketplace (pid {_process.Id}) ready at {BaseAddress} after {deadline.Elapsed.TotalSeconds:F1} s");
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Marketplace was not ready within {ReadyTimeout}:\n{Tail()}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 200 && _output.TryDequeue(out _))
        {
            // keep the last lines only, for the error message
        }
    }

    private string Tail() => string.Join('\n', _output);

    private static bool IgnoresSigInt(int pid)
    {
        const int sigInt = 2;
        var ignored = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(line => line.StartsWith("SigIgn:", StringComparison.Ordinal));
        return ignored is not null &&
            ulong.TryParse(ignored["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var mask) &&
            (mask & (1UL << (sigInt - 1))) != 0;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Marketplace.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Marketplace.sln above {AppContext.BaseDirectory}.");
    }
}
