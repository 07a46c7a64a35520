namespace Marketplace.Infrastructure.Postgres;

/// <summary>
/// Shares one private cluster per data folder between every host in this process (an app, or many test hosts),
/// and registers the process as a user so the last process to leave stops the server.
/// </summary>
public static class EmbeddedPostgres
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, int> LeasesByRoot = [];

    public static ClusterLease Acquire(string requestedRoot)
    {
        var layout = ClusterLayout.For(requestedRoot, ProcessRunner.IsRoot);
        var cluster = new EmbeddedPostgresCluster(layout, PostgresBinaries.Locate());
        var users = new ClusterUsers(layout.UsersDirectory);
        lock (Gate)
        {
            var connectionString = cluster.EnsureRunning();
            users.Register(Environment.ProcessId);
            LeasesByRoot[layout.Root] = LeasesByRoot.GetValueOrDefault(layout.Root) + 1;
            return new ClusterLease(cluster, connectionString, () => Release(cluster, users));
        }
    }

    private static void Release(EmbeddedPostgresCluster cluster, ClusterUsers users)
    {
        lock (Gate)
        {
            var root = cluster.Layout.Root;
            LeasesByRoot[root]--;
            if (LeasesByRoot[root] == 0)
            {
                LeasesByRoot.Remove(root);
                cluster.StopUnlessUsed(users, Environment.ProcessId);
            }
        }
    }
}

/// <summary>A process's hold on a running cluster; disposing it lets the cluster stop once nobody uses it.</summary>
public sealed class ClusterLease(EmbeddedPostgresCluster cluster, string adminConnectionString, Action release) : IDisposable
{
    private int _released;

    public EmbeddedPostgresCluster Cluster => cluster;

    /// <summary>Connection string of the `postgres` superuser to the `postgres` database.</summary>
    public string AdminConnectionString => adminConnectionString;

    public string ConnectionString(string database) => cluster.ConnectionString(database);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            release();
        }
    }
}
