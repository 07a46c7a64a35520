using System.Diagnostics;
using System.Globalization;

namespace Marketplace.Benchmarks.Downloads;

/// <summary>
/// nginx (Debian's) as a child process on a free loopback port, one worker, <c>sendfile on</c>: <c>/files/&lt;key&gt;</c>
/// straight from the app's storage folder (the baseline), <c>/internal-downloads/</c> for the app's X-Accel-Redirect,
/// and everything else proxied to the app, as deploy/nginx/nginx.conf does.
/// </summary>
public sealed class NginxProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private NginxProcess(Process process, string folder, Uri baseAddress) => (_process, _folder, BaseAddress) = (process, folder, baseAddress);

    public Uri BaseAddress { get; }

    public static async Task<NginxProcess> StartAsync(string blobs, Uri app, HttpClient probe)
    {
        var folder = Directory.CreateTempSubdirectory("marketplace-nginx-").FullName;
        var port = LoopbackPort.Free();
        var root = Environment.UserName == "root" ? "user root;\n" : "";
        var config = string.Create(CultureInfo.InvariantCulture, $$"""
            {{root}}worker_processes 1;
            error_log {{folder}}/error.log warn;
            pid {{folder}}/nginx.pid;
            events { worker_connections 256; }
            http {
                access_log off;
                sendfile on;
                tcp_nopush on;
                client_body_temp_path {{folder}}/body; proxy_temp_path {{folder}}/proxy; fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi; scgi_temp_path {{folder}}/scgi;
                server {
                    listen 127.0.0.1:{{port}};
                    location /files/ { alias {{blobs}}/; }
                    location /internal-downloads/ { internal; alias {{blobs}}/; }
                    location / { proxy_pass http://{{app.Authority}}; proxy_http_version 1.1; proxy_set_header Host $http_host; }
                }
            }
            """);
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), config);
        var nginx = File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
        var process = Process.Start(new ProcessStartInfo(nginx, ["-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-g", "daemon off;"])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("nginx did not start.");
        var started = new NginxProcess(process, folder, new Uri($"http://127.0.0.1:{port}/"));
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var answer = await probe.GetAsync(new Uri(started.BaseAddress, "files/"));
                return started;
            }
            catch (HttpRequestException) when (!process.HasExited)
            {
                await Task.Delay(100);
            }
        }

        started.Dispose();
        throw new InvalidOperationException("nginx did not answer: " + await File.ReadAllTextAsync(Path.Combine(folder, "error.log")));
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
