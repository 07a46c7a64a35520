using System.Diagnostics;

namespace Marketplace.Infrastructure.Postgres;

/// <summary>
/// The processes using a cluster, one marker file per process id. The last live process to leave stops it, so an
/// app and a test run can share one cluster without pulling it from under each other.
/// </summary>
internal sealed class ClusterUsers(string directory)
{
    public void Register(int processId)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, processId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "");
    }

    public void Unregister(int processId) =>
        File.Delete(Path.Combine(directory, processId.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public bool AnyAlive()
    {
        if (!Directory.Exists(directory))
        {
            return false;
        }

        var alive = false;
        foreach (var file in Directory.GetFiles(directory))
        {
            if (int.TryParse(Path.GetFileName(file), out var pid) && IsRunning(pid))
            {
                alive = true;
            }
            else
            {
                File.Delete(file); // a process that died without leaving
            }
        }

        return alive;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
