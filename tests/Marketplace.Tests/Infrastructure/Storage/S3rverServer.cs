using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Marketplace.Infrastructure.Postgres;
using Marketplace.Testing;

namespace Marketplace.Tests.Infrastructure.Storage;

/// <summary>
/// npm's <c>s3rver</c> (with the two multipart calls it lacks, see <c>tests/tools/s3rver/server.js</c>) on a free
/// loopback port, storing in a temporary folder, for the life of one fixture. Installs its package with <c>npm ci</c>
/// first when missing. Its credentials are s3rver's built-in ones.
/// </summary>
public sealed class S3rverServer : IAsyncDisposable
{
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly string ToolFolder = Path.Combine(RepositoryPaths.Root, "tests", "tools", "s3rver");

    private readonly Process _process;
    private readonly DirectoryInfo _folder;
    private readonly StringBuilder _errors = new();

    private S3rverServer(Process process, DirectoryInfo folder)
    {
        _process = process;
        _folder = folder;
    }

    public Uri ServiceUrl { get; private set; } = null!;

    public static async Task<S3rverServer> StartAsync()
    {
        await InstallAsync();
        var folder = Directory.CreateTempSubdirectory("mp-s3rver-");
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = ToolFolder,
            RedirectStandardInput = true, // closing it stops the server, and so does this process's end
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add("server.js");
        info.ArgumentList.Add(folder.FullName);
        var server = new S3rverServer(Process.Start(info) ?? throw new InvalidOperationException("node did not start."), folder);
        server._process.ErrorDataReceived += (_, line) => server.Keep(line.Data);
        server._process.BeginErrorReadLine();
        try
        {
            server.ServiceUrl = new Uri($"http://127.0.0.1:{await server.PortAsync()}");
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
        _process.StandardInput.Close();
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _folder.Delete(recursive: true);
    }

    /// <summary>The port from the server's first line, which it prints once it serves.</summary>
    private async Task<int> PortAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            var line = await _process.StandardOutput.ReadLineAsync(timeout.Token);
            if (line?.Split(' ') is ["listening", var port])
            {
                return int.Parse(port, CultureInfo.InvariantCulture);
            }

            await _process.WaitForExitAsync(timeout.Token);
            throw new InvalidOperationException($"s3rver exited ({_process.ExitCode}) instead of serving:\n{line}\n{Errors()}");
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"s3rver did not start within {StartTimeout}:\n{Errors()}");
        }
    }

    /// <summary>
    /// <c>npm ci</c> in the tool's folder unless its packages are there and newer than its lock file. Test projects run
    /// in parallel processes: one installs while the others wait for the lock, then find the packages in place.
    /// </summary>
    private static async Task InstallAsync()
    {
        var installed = Path.Combine(ToolFolder, "node_modules", ".package-lock.json");
        var lockFile = Path.Combine(Path.GetTempPath(),
            $"marketplace-npm-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToolFolder)))[..16]}.lock");
        using var installing = ClusterLock.Acquire(lockFile, InstallTimeout);
        if (File.Exists(installed) && File.GetLastWriteTimeUtc(installed) >= File.GetLastWriteTimeUtc(Path.Combine(ToolFolder, "package-lock.json")))
        {
            return;
        }

        var info = new ProcessStartInfo("npm") { WorkingDirectory = ToolFolder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" })
        {
            info.ArgumentList.Add(argument);
        }

        using var npm = Process.Start(info) ?? throw new InvalidOperationException("npm did not start: install Node.js and npm.");
        var output = npm.StandardOutput.ReadToEndAsync();
        var errors = npm.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(InstallTimeout);
        await npm.WaitForExitAsync(timeout.Token);
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in {ToolFolder} failed ({npm.ExitCode}):\n{await output}\n{await errors}");
        }
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (_errors)
            {
                _errors.AppendLine(line);
            }
        }
    }

    private string Errors()
    {
        lock (_errors)
        {
            return _errors.ToString();
        }
    }
}
