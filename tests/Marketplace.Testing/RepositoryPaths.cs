namespace Marketplace.Testing;

public static class RepositoryPaths
{
    /// <summary>The folder holding Marketplace.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    public static string App => Path.Combine(Root, "src", "Marketplace");

    /// <summary>The app's default data folder: tests share the cluster that `dotnet run` uses.</summary>
    public static string AppData => Path.Combine(App, ".data");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Marketplace.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Marketplace.sln was not found above {AppContext.BaseDirectory}.");
    }
}
