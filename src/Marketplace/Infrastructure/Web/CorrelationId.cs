using System.Diagnostics;
using System.Text.RegularExpressions;
using Serilog.Context;

namespace Marketplace.Infrastructure.Web;

/// <summary>
/// Takes the caller's <c>X-Correlation-Id</c> when it is well formed, or else the trace id, echoes it on the response
/// and adds it to every log line written while the request runs.
/// </summary>
public sealed partial class CorrelationId(RequestDelegate next)
{
    public const string Header = "X-Correlation-Id";
    private const string ItemKey = "CorrelationId";

    public static string Of(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var value) && value is string id ? id : context.TraceIdentifier;

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[Header].ToString();
        var id = WellFormed().IsMatch(incoming)
            ? incoming
            : Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        context.Items[ItemKey] = id;
        context.Response.Headers[Header] = id;
        using (LogContext.PushProperty(ItemKey, id))
        {
            await next(context);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex WellFormed();
}
