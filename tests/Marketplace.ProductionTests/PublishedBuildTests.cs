using System.Diagnostics;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;

namespace Marketplace.ProductionTests;

/// <summary>What `dotnet publish` ships (deploy/publish.sh), and how that build refuses an unsafe Production start.</summary>
[Collection(LocalTopologyCollection.Name)]
public sealed class PublishedBuildTests(LocalTopology topology)
{
    [Fact]
    public void The_published_build_carries_neither_a_compiler_nor_the_stripe_sandbox()
    {
        var files = Directory.GetFiles(topology.PublishedApp).Select(Path.GetFileName).ToList();

        files.ShouldContain("Marketplace.dll");
        files.ShouldNotContain(name => name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        files.ShouldNotContain(name => name!.StartsWith("JasperFx.RuntimeCompiler", StringComparison.Ordinal));
        files.ShouldNotContain(name => name!.StartsWith("Wolverine.RuntimeCompilation", StringComparison.Ordinal));
        files.ShouldNotContain(name => name!.StartsWith("Marketplace.StripeSandbox", StringComparison.Ordinal));
        var dependencies = File.ReadAllText(Path.Combine(topology.PublishedApp, "Marketplace.deps.json"));
        dependencies.ShouldNotContain("CodeAnalysis");
        dependencies.ShouldNotContain("StripeSandbox");
    }

    [Fact]
    public void The_published_build_carries_the_native_library_the_image_watermarks_are_drawn_with()
    {
        var skia = Path.Combine(topology.PublishedApp, "runtimes", "linux-x64", "native", "libSkiaSharp.so");

        File.Exists(skia).ShouldBeTrue();
        NativeLibrary.TryLoad(skia, out var handle).ShouldBeTrue("the NoDependencies build needs nothing beyond libc and libstdc++");
        NativeLibrary.Free(handle);
        File.ReadAllText(Path.Combine(topology.PublishedApp, "Marketplace.deps.json")).ShouldContain("SkiaSharp.NativeAssets.Linux.NoDependencies");
    }

    [Fact]
    public void The_published_build_has_the_handler_code_generated_ahead_of_time()
    {
        using var stream = File.OpenRead(Path.Combine(topology.PublishedApp, "Marketplace.dll"));
        using var assembly = new PEReader(stream);
        var metadata = assembly.GetMetadataReader();
        var generated = metadata.TypeDefinitions.Select(handle => metadata.GetTypeDefinition(handle))
            .Where(type => metadata.GetString(type.Namespace) == "Internal.Generated.WolverineHandlers")
            .Select(type => metadata.GetString(type.Name))
            .ToList();

        generated.ShouldContain("GeneratedHandlerRegistry");
        generated.Count(name => name.StartsWith("AccountDeleted", StringComparison.Ordinal)).ShouldBe(3);
        generated.ShouldContain(name => name.StartsWith("ForumAuthorNamesHandler", StringComparison.Ordinal));
    }

    public static TheoryData<string, string?, string> UnsafeSettings => new()
    {
        { "Site__PublicUrl", null, "Site:PublicUrl is not set" },
        { "ConnectionStrings__Marketplace", null, "ConnectionStrings:Marketplace is not set" },
        { "Stripe__WebhookSecret", null, "Stripe:SecretKey is set but Stripe:WebhookSecret is not" },
        { "Stripe__ConnectWebhookSecret", "", "Stripe:SecretKey is set but Stripe:ConnectWebhookSecret is not" },
        { "AllowedHosts", "*", "AllowedHosts is '*' behind a public URL" },
        { "Watermarking__FingerprintKey", null, "Watermarking:FingerprintKey is not set" },
        { "Downloads__SigningKeys__20261204", null, "Downloads:SigningKeys has no key" },
    };

    [Theory]
    [MemberData(nameof(UnsafeSettings))]
    public async Task Production_refuses_to_start_with_an_unsafe_setting_and_says_which(string key, string? value, string message)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(topology.PublishedApp, "Marketplace.dll"), "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = topology.PublishedApp,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Site__PublicUrl"] = "https://marketplace.example.com",
                ["AllowedHosts"] = "marketplace.example.com",
                ["ConnectionStrings__Marketplace"] = "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none",
                ["Stripe__SecretKey"] = "sk_test_123",
                ["Stripe__WebhookSecret"] = "whsec_platform",
                ["Stripe__ConnectWebhookSecret"] = "whsec_connect",
                ["Watermarking__FingerprintKey"] = "k3Jv9QmT2xWn8RbL5cYp7ZdH4sGf6AeU",
                ["Downloads__SigningKeys__20261204"] = "Qm7Tz2Wk9Rb4Xn8Lc5Yp3Vd6Hs1Gf0Ae",
            },
        };
        if (value is null)
        {
            start.Environment.Remove(key);
        }
        else
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        process.ExitCode.ShouldBe(1, output);
        var refusals = output.Split('\n').Where(line => line.Contains("Refusing to start", StringComparison.Ordinal)).ToList();
        refusals.ShouldHaveSingleItem().ShouldContain(message);
        refusals[0].ShouldContain("\"@l\":\"Fatal\"");
    }
}
