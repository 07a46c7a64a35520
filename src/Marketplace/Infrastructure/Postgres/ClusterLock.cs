namespace Marketplace.Infrastructure.Postgres;

/// <summary>
/// An exclusive lock across processes (`dotnet test` runs test projects in parallel), held while a cluster is
/// initialised, started, or stopped.
/// </summary>
internal sealed class ClusterLock : IDisposable
{
    private readonly FileStream _stream;

    private ClusterLock(FileStream stream) => _stream = stream;

    public static ClusterLock Acquire(string path, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new ClusterLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
