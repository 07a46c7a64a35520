using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Marketplace.StripeSandbox.Pages;

/// <summary>
/// A hosted page of the sandbox (onboarding, Express dashboard, checkout): one HTML document styled by
/// <see cref="SandboxStylesheet"/>, with no inline style or script, under a test-mode banner. Its forms may redirect to
/// <paramref name="formTargets"/> (the return and refresh URLs), which the CSP's <c>form-action</c> must allow.
/// </summary>
public sealed class SandboxPage(string title, string body, params string[] formTargets) : IResult
{
    /// <summary>Nothing is loaded from elsewhere; <c>form-action</c> is widened per page.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "form-action 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'";

    public static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    private static readonly HashSet<string> ZeroDecimalCurrencies =
        ["bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"];

    /// <summary>An amount in minor units as people read it, such as <c>12.50 USD</c> or <c>1,250 JPY</c>.</summary>
    public static string Money(long amount, string currency) => ZeroDecimalCurrencies.Contains(currency)
        ? string.Create(CultureInfo.InvariantCulture, $"{amount:N0} {currency.ToUpperInvariant()}")
        : string.Create(CultureInfo.InvariantCulture, $"{amount / 100m:N2} {currency.ToUpperInvariant()}");

    public int StatusCode { get; init; } = StatusCodes.Status200OK;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var origins = formTargets
            .Select(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null)
            .OfType<string>().Distinct(StringComparer.Ordinal);
        httpContext.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy.Replace(
            "form-action 'self'", string.Join(' ', ["form-action 'self'", .. origins]), StringComparison.Ordinal);
        httpContext.Response.Headers.CacheControl = "no-store";
        httpContext.Response.StatusCode = StatusCode;
        httpContext.Response.ContentType = "text/html; charset=utf-8";
        await httpContext.Response.WriteAsync(Render(), Encoding.UTF8, httpContext.RequestAborted);
    }

    private string Render() => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <meta name="robots" content="noindex">
          <title>{Encode(title)} · Stripe sandbox</title>
          <link rel="stylesheet" href="{SandboxStylesheet.Path}">
        </head>
        <body class="sbx">
          <div class="sbx-banner" role="note"><strong>Test mode</strong> · Marketplace Stripe sandbox: nothing here is real, and nothing leaves this server.</div>
          <main class="sbx-main">
        {body}
          </main>
        </body>
        </html>
        """;
}
