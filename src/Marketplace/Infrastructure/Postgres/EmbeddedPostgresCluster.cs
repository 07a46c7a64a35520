using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace Marketplace.Infrastructure.Postgres;

/// <summary>
/// A private PostgreSQL cluster made from the machine's binaries: initialised once, listening on loopback TCP only
/// (no Unix socket, so the path length of a deep checkout never matters), with a generated superuser password.
/// </summary>
public sealed class EmbeddedPostgresCluster(ClusterLayout layout, string binDirectory)
{
    private const string ServerUser = "postgres";
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(2);

    public ClusterLayout Layout => layout;

    private string? RunAs => ProcessRunner.IsRoot ? ServerUser : null;

    /// <summary>Initialises the cluster if needed, starts it if it is not running, and returns a superuser connection string.</summary>
    public string EnsureRunning()
    {
        Directory.CreateDirectory(layout.Root);
        using var _ = ClusterLock.Acquire(layout.LockFile, LockTimeout);
        if (!File.Exists(Path.Combine(layout.DataDirectory, "PG_VERSION")))
        {
            Initialise();
        }

        if (!IsRunning())
        {
            Start();
        }

        return ConnectionString("postgres");
    }

    public bool IsRunning() =>
        File.Exists(Path.Combine(layout.DataDirectory, "postmaster.pid")) &&
        ProcessRunner.Run(Tool("pg_ctl"), ["status", "-D", layout.DataDirectory], RunAs).ExitCode == 0;

    /// <summary>Starts the server on the port it had last time when that is still free, so connection strings stay valid.</summary>
    public void Start()
    {
        var port = File.Exists(layout.PortFile) && int.TryParse(File.ReadAllText(layout.PortFile), out var last) && IsFree(last)
            ? last
            : FreeLoopbackPort();
        File.WriteAllText(layout.PortFile, port.ToString(CultureInfo.InvariantCulture));
        string[] options = ["-c", "listen_addresses=127.0.0.1", "-c", $"port={port}", "-c", "unix_socket_directories=", "-c", "max_connections=300"];
        ProcessRunner.RunOrThrow(Tool("pg_ctl"),
            ["start", "-w", "-t", "60", "-D", layout.DataDirectory, "-l", layout.LogFile, "-o", string.Join(' ', options)], RunAs);
    }

    public void Stop()
    {
        if (IsRunning())
        {
            ProcessRunner.RunOrThrow(Tool("pg_ctl"), ["stop", "-w", "-m", "fast", "-D", layout.DataDirectory], RunAs);
        }
    }

    /// <summary>Stops the server under the cluster lock, if no other process still uses it.</summary>
    internal void StopUnlessUsed(ClusterUsers users, int leavingProcessId)
    {
        using var _ = ClusterLock.Acquire(layout.LockFile, LockTimeout);
        users.Unregister(leavingProcessId);
        if (!users.AnyAlive())
        {
            Stop();
        }
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = ReadPort(),
        Username = ServerUser,
        Password = File.ReadAllText(layout.SecretFile).Trim(),
        Database = database,
    }.ConnectionString;

    private void Initialise()
    {
        Directory.CreateDirectory(layout.ServerDirectory);
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var passwordFile = Path.Combine(layout.ServerDirectory, "initial-password");
        File.WriteAllText(passwordFile, password);
        if (RunAs is not null)
        {
            ProcessRunner.RunOrThrow("chown", ["-R", $"{RunAs}:{RunAs}", layout.ServerDirectory]);
        }

        OwnerOnly(layout.ServerDirectory, UnixFileMode.UserExecute);
        try
        {
            ProcessRunner.RunOrThrow(Tool("initdb"), [
                "-D", layout.DataDirectory, "-U", ServerUser, "--pwfile", passwordFile,
                "--auth", "scram-sha-256", "-E", "UTF8", "--locale", "C.UTF-8",
            ], RunAs);
        }
        finally
        {
            File.Delete(passwordFile);
        }

        File.WriteAllText(layout.SecretFile, password);
        OwnerOnly(layout.SecretFile, UnixFileMode.None);
    }

    private int ReadPort()
    {
        // postmaster.pid: line 4 holds the port the running server listens on.
        var lines = File.ReadAllLines(Path.Combine(layout.DataDirectory, "postmaster.pid"));
        return int.Parse(lines[3], CultureInfo.InvariantCulture);
    }

    private static void OwnerOnly(string path, UnixFileMode extra)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | extra);
        }
    }

    private string Tool(string name) => Path.Combine(binDirectory, name);

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
