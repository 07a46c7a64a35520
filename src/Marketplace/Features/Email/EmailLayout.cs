using System.Text;
using System.Text.Encodings.Web;

namespace Marketplace.Features.Email;

/// <summary>
/// The marketplace's mail layout: a branded, accessible HTML mail and its plain-text twin from a title, paragraphs, an
/// optional list of links, an optional call to action (a button) and an optional secondary link below it. Every input is HTML-encoded, so
/// user-supplied text (names, titles) is safe to pass.
/// </summary>
public static class EmailLayout
{
    public const string Brand = "Marketplace";

    private const string Font = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;";
    private const string BrandColor = "#4338ca";
    private const string TextColor = "#0f172a";
    private const string MutedColor = "#475569";
    private const string Footer = $"This is an automated message from {Brand}. Replies to it are not read.";

    /// <summary>The opening line of every mail.</summary>
    public static string Greeting(string displayName) =>
        string.IsNullOrWhiteSpace(displayName) ? "Hello," : $"Hello {displayName.Trim()},";

    public static EmailContent Render(
        string subject, string title, IEnumerable<string> paragraphs, EmailCallToAction? action = null, EmailCallToAction? secondary = null,
        IReadOnlyList<EmailListItem>? items = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(paragraphs);
        var body = paragraphs.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).ToList();
        foreach (var link in new[] { action, secondary }.OfType<EmailCallToAction>())
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(link.Text);
            RequireWebAddress(link.Url);
        }

        items ??= [];
        foreach (var item in items)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(item.Text);
            RequireWebAddress(item.Url);
        }

        subject = subject.Trim();
        title = title.Trim();
        return new EmailContent(subject, Text(title, body, items, action, secondary), Html(subject, title, body, items, action, secondary));
    }

    private static string Text(
        string title, List<string> paragraphs, IReadOnlyList<EmailListItem> items, EmailCallToAction? action, EmailCallToAction? secondary)
    {
        var text = new StringBuilder();
        text.Append(Brand).Append("\n\n").Append(title).Append("\n\n");
        foreach (var paragraph in paragraphs)
        {
            text.Append(paragraph).Append("\n\n");
        }

        foreach (var item in items)
        {
            text.Append("- ").Append(item.Text.Trim()).Append('\n');
            if (!string.IsNullOrWhiteSpace(item.Detail))
            {
                text.Append("  ").Append(item.Detail.Trim()).Append('\n');
            }

            text.Append("  ").Append(item.Url).Append("\n\n");
        }

        foreach (var link in new[] { action, secondary }.OfType<EmailCallToAction>())
        {
            text.Append(link.Text).Append(":\n").Append(link.Url).Append("\n\n");
        }

        return text.Append("-- \n").Append(Footer).Append('\n').ToString();
    }

    private static string Html(
        string subject, string title, List<string> paragraphs, IReadOnlyList<EmailListItem> items, EmailCallToAction? action,
        EmailCallToAction? secondary)
    {
        var html = new StringBuilder();
        html.Append($$"""
            <!DOCTYPE html>
            <html lang="en" dir="ltr">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light">
            <title>{{E(subject)}}</title>
            </head>
            <body style="margin:0;padding:0;background-color:#f8fafc;">
            <div role="article" aria-roledescription="email" aria-label="{{E(subject)}}" lang="en" style="{{Font}}">
            <table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="background-color:#f8fafc;">
            <tr><td align="center" style="padding:32px 16px;">
            <table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="max-width:560px;">
            <tr><td style="padding:0 0 16px;{{Font}}font-size:18px;font-weight:700;color:{{BrandColor}};">{{Brand}}</td></tr>
            <tr><td style="background-color:#ffffff;border:1px solid #e2e8f0;border-radius:12px;padding:32px;{{Font}}font-size:16px;line-height:1.6;color:{{TextColor}};">
            <h1 style="margin:0 0 16px;font-size:24px;line-height:1.3;color:{{TextColor}};">{{E(title)}}</h1>

            """);
        foreach (var paragraph in paragraphs)
        {
            html.Append($"""<p style="margin:0 0 16px;">{E(paragraph)}</p>""").Append('\n');
        }

        if (items.Count > 0)
        {
            html.Append("""<ul style="margin:0 0 16px;padding:0 0 0 20px;">""").Append('\n');
            foreach (var item in items)
            {
                html.Append($$"""<li style="margin:0 0 12px;"><a href="{{E(item.Url)}}" style="color:{{BrandColor}};font-weight:600;">{{E(item.Text.Trim())}}</a>""");
                if (!string.IsNullOrWhiteSpace(item.Detail))
                {
                    html.Append($$"""<br><span style="font-size:14px;color:{{MutedColor}};">{{E(item.Detail.Trim())}}</span>""");
                }

                html.Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        if (action is not null)
        {
            var url = E(action.Url);
            html.Append($$"""
                <table role="presentation" cellspacing="0" cellpadding="0" border="0" style="margin:24px 0;">
                <tr><td style="border-radius:10px;background-color:{{BrandColor}};">
                <a href="{{url}}" style="display:inline-block;padding:12px 24px;{{Font}}font-size:16px;font-weight:600;color:#ffffff;text-decoration:none;border-radius:10px;">{{E(action.Text)}}</a>
                </td></tr>
                </table>
                <p style="margin:0;font-size:14px;color:{{MutedColor}};">If the button does not work, copy this address into your browser:<br>
                <a href="{{url}}" style="color:{{BrandColor}};word-break:break-all;">{{url}}</a></p>

                """);
        }

        if (secondary is not null)
        {
            html.Append($$"""<p style="margin:16px 0 0;font-size:14px;"><a href="{{E(secondary.Url)}}" style="color:{{BrandColor}};">{{E(secondary.Text)}}</a></p>""")
                .Append('\n');
        }

        html.Append($$"""
            </td></tr>
            <tr><td style="padding:16px 0 0;{{Font}}font-size:13px;line-height:1.5;color:{{MutedColor}};">{{E(Footer)}}</td></tr>
            </table>
            </td></tr>
            </table>
            </div>
            </body>
            </html>

            """);
        return html.ToString();
    }

    private static string E(string value) => HtmlEncoder.Default.Encode(value);

    private static void RequireWebAddress(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"A mail's call to action must open an absolute http(s) address, not '{url}'.", nameof(url));
        }
    }
}
