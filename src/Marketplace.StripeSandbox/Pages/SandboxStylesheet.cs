using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Marketplace.StripeSandbox.Pages;

/// <summary>The hosted pages' stylesheet, embedded in the sandbox's assembly, so that a host needs no static files for it.</summary>
public static class SandboxStylesheet
{
    public const string Path = $"{StripeSandboxHosting.PathPrefix}/stripe-sandbox.css";

    private static readonly byte[] Content = Read();

    private static readonly EntityTagHeaderValue Tag = new($"\"{Convert.ToHexStringLower(SHA256.HashData(Content))[..16]}\"");

    public static void Map(IEndpointRouteBuilder sandbox) =>
        sandbox.MapGet("/stripe-sandbox.css", () => TypedResults.Bytes(Content, "text/css; charset=utf-8", entityTag: Tag));

    private static byte[] Read()
    {
        using var stream = typeof(SandboxStylesheet).Assembly.GetManifestResourceStream("stripe-sandbox.css")
            ?? throw new InvalidOperationException("The sandbox's stylesheet is missing from its assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
