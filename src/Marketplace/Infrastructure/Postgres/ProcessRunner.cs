using System.Diagnostics;

namespace Marketplace.Infrastructure.Postgres;

/// <summary>Runs a command to completion, optionally as another user (PostgreSQL refuses to run as root).</summary>
internal static class ProcessRunner
{
    public static bool IsRoot => Environment.UserName == "root";

    public static (int ExitCode, string Output) Run(string file, IEnumerable<string> arguments, string? asUser = null)
    {
        var info = asUser is null ? new ProcessStartInfo(file) : new ProcessStartInfo("runuser");
        if (asUser is not null)
        {
            info.ArgumentList.Add("-u");
            info.ArgumentList.Add(asUser);
            info.ArgumentList.Add("--");
            info.ArgumentList.Add(file);
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.WorkingDirectory = "/";

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    public static void RunOrThrow(string file, IEnumerable<string> arguments, string? asUser = null)
    {
        var (exitCode, output) = Run(file, arguments, asUser);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"`{Path.GetFileName(file)}` failed with exit code {exitCode}: {output}");
        }
    }
}
