using Marketplace.Infrastructure.Web;

namespace Marketplace.Infrastructure.Validation;

/// <summary>
/// Refuses a request whose query string or route values hold a character <see cref="TextCharacters"/> refuses
/// (<c>?q=%00</c>), before any endpoint or page reads them: a 400 validation problem naming the parameter for API
/// clients, the 400 error page for a person. Bodies are checked by the validators (<see cref="SafeTextValidator{T}"/>).
/// </summary>
public sealed class QueryTextGuard(RequestDelegate next)
{
    // Not async: most requests pass, and they should cost no state machine or dictionary.
    public Task InvokeAsync(HttpContext context) =>
        Problems(context) is { } errors ? RefuseAsync(context, errors) : next(context);

    private static Dictionary<string, string[]>? Problems(HttpContext context)
    {
        Dictionary<string, string[]>? errors = null;
        foreach (var (key, values) in context.Request.Query)
        {
            foreach (var value in values.Append(key))
            {
                if (TextCharacters.Problem(value, multiLine: false) is { } problem)
                {
                    (errors ??= new(StringComparer.Ordinal)).TryAdd(key, [problem]);
                }
            }
        }

        foreach (var (key, value) in context.Request.RouteValues)
        {
            if (value is string text && TextCharacters.Problem(text, multiLine: false) is { } problem)
            {
                (errors ??= new(StringComparer.Ordinal)).TryAdd(key, [problem]);
            }
        }

        return errors;
    }

    private static async Task RefuseAsync(HttpContext context, Dictionary<string, string[]> errors)
    {
        if (ErrorResponses.WantsHtml(context))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        await ValidationProblems.Of(errors).ExecuteAsync(context);
    }
}
