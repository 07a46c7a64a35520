using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Marketplace.Tests.Features.Forum;

/// <summary>
/// Debian's <c>redis-server</c> on a free loopback port, in memory only (no snapshots, no append-only file), for the
/// life of one fixture. Killed on dispose.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private RedisServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>For <c>ConnectionStrings:Redis</c>.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var binary = FindBinary() ?? throw new InvalidOperationException(
            "redis-server is not installed: the scale-out tests start one of their own. ./test.sh installs it " +
            "(or: sudo apt-get install redis-server).");
        var port = FreePort();
        var info = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true };
        var portArgument = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var argument in new[] { "--port", portArgument, "--save", "", "--appendonly", "no", "--bind", "127.0.0.1" })
        {
            info.ArgumentList.Add(argument);
        }

        var server = new RedisServer(Process.Start(info) ?? throw new InvalidOperationException($"{binary} did not start."), port);
        server._process.OutputDataReceived += (_, line) => server.Keep(line.Data);
        server._process.ErrorDataReceived += (_, line) => server.Keep(line.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilItAnswersAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilItAnswersAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with {_process.ExitCode}:\n{Output()}");
            }

            if (await PingAsync())
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"redis-server did not answer PING on port {Port} within {StartTimeout}:\n{Output()}");
    }

    private async Task<bool> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var reply = new byte[7];
            var read = await stream.ReadAsync(reply);
            return Encoding.ASCII.GetString(reply, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private static string? FindBinary() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin").Append("/usr/sbin")
            .Select(folder => Path.Combine(folder, "redis-server"))
            .FirstOrDefault(File.Exists);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
