using System.Security.Cryptography;
using System.Text;

namespace Marketplace.Infrastructure.Postgres;

/// <summary>
/// Where a private cluster lives. When the process is root, the server runs as the `postgres` user, so every
/// parent of the folder must be traversable by others; otherwise the cluster moves under /var/tmp, keyed by the
/// requested folder so that each checkout keeps its own cluster.
/// </summary>
public sealed record ClusterLayout(string Root)
{
    public string DataDirectory => Path.Combine(Root, "cluster", "data");
    public string ServerDirectory => Path.Combine(Root, "cluster");
    public string LogFile => Path.Combine(ServerDirectory, "server.log");
    public string SecretFile => Path.Combine(Root, "postgres.secret");
    public string PortFile => Path.Combine(Root, "postgres.port");
    public string LockFile => Path.Combine(Root, "postgres.lock");
    public string UsersDirectory => Path.Combine(Root, "postgres.users");

    public static ClusterLayout For(string requestedRoot, bool runAsOtherUser)
    {
        var root = Path.GetFullPath(requestedRoot);
        if (runAsOtherUser && !IsTraversableByOthers(root))
        {
            var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(root)))[..16];
            root = Path.Combine("/var/tmp", $"marketplace-{key}");
        }

        return new ClusterLayout(root);
    }

    private static bool IsTraversableByOthers(string path)
    {
        for (var dir = new DirectoryInfo(path); dir is not null; dir = dir.Parent)
        {
            if (dir.Exists && (dir.UnixFileMode & UnixFileMode.OtherExecute) == 0)
            {
                return false;
            }
        }

        return true;
    }
}
