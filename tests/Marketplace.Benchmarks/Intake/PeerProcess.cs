using System.Diagnostics;
using System.Globalization;

namespace Marketplace.Benchmarks.Intake;

/// <summary>A peer (<see cref="PeerServer"/>, <c>CatalogPeerServer</c>) as a child process of the harness, like the app: its own Kestrel, GC and thread pool.</summary>
public sealed class PeerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private PeerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    public static Task<PeerProcess> StartAsync(string connectionString, string secret) =>
        StartAsync("intake-peer", PeerServer.ReadyLine, new Dictionary<string, string>
        {
            [PeerServer.ConnectionVariable] = connectionString,
            [PeerServer.SecretVariable] = secret,
        });

    /// <summary>Runs <c>Marketplace.Benchmarks.dll &lt;command&gt; --port N</c> and waits for it to print <paramref name="readyLine"/>.</summary>
    public static async Task<PeerProcess> StartAsync(string command, string readyLine, IReadOnlyDictionary<string, string> environment)
    {
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Marketplace.Benchmarks.dll"), command, "--port", port.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var peer = ChildProcesses.Track(new PeerProcess(process, new Uri($"http://127.0.0.1:{port}/")));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line == readyLine)
                {
                    Console.WriteLine($"// {command} (pid {process.Id}) ready at {peer.BaseAddress}");
                    _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                    return peer;
                }

                Console.WriteLine($"// peer: {line}");
            }

            throw new InvalidOperationException("The peer exited before it was ready.");
        }
        catch
        {
            await peer.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        ChildProcesses.Forget(this);
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
    }
}
