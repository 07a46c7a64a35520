using System.Diagnostics;

namespace Marketplace.Infrastructure.Postgres;

/// <summary>Finds the PostgreSQL server programs (initdb, pg_ctl, postgres) on this machine.</summary>
public static class PostgresBinaries
{
    public const string InstallHint =
        "PostgreSQL server binaries were not found (looked at `pg_config --bindir` and /usr/lib/postgresql/*/bin). " +
        "Install them (Debian: `apt-get install postgresql-15`) or set ConnectionStrings:Marketplace to an existing server.";

    public static string Locate(IEnumerable<string>? candidates = null)
    {
        foreach (var dir in candidates ?? DefaultCandidates())
        {
            if (File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException(InstallHint);
    }

    private static IEnumerable<string> DefaultCandidates()
    {
        if (PgConfigBinDir() is { } fromPgConfig)
        {
            yield return fromPgConfig;
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (!Directory.Exists(debianRoot))
        {
            yield break;
        }

        var versions = Directory.GetDirectories(debianRoot)
            .Select(dir => (dir, version: int.TryParse(Path.GetFileName(dir), out var v) ? v : 0))
            .OrderByDescending(x => x.version);
        foreach (var (dir, _) in versions)
        {
            yield return Path.Combine(dir, "bin");
        }
    }

    private static string? PgConfigBinDir()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pg_config", "--bindir")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // pg_config is not installed
        }
    }
}
