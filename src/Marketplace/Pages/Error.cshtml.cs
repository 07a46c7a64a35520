using System.Globalization;
using Marketplace.Infrastructure.Web;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Pages;

/// <summary>The error page a person sees; API clients get ProblemDetails instead (see ErrorResponses).</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }
    public string Title { get; private set; } = "";
    public string Explanation { get; private set; } = "";
    public string CorrelationId { get; private set; } = "";

    /// <summary>Where the endpoint that failed sends the person next (<see cref="ErrorExplanation"/>), else the start.</summary>
    public (string Text, string Url) NextStep { get; private set; } = ("Back to the start", "/");

    public void OnGet(int? status) => Show(status);

    public void OnPost(int? status) => Show(status);

    private void Show(int? status)
    {
        // Re-executing a POST whose form cannot be read (a NUL in it) fails to bind the status: the route still has it.
        status ??= int.TryParse(RouteData.Values["status"]?.ToString(), CultureInfo.InvariantCulture, out var routed) ? routed : null;
        Status = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is { } error ? ClientErrors.StatusOf(error)
            : status is >= 400 and < 600 ? status.Value : StatusCodes.Status500InternalServerError;
        Response.StatusCode = Status;
        CorrelationId = Infrastructure.Web.CorrelationId.Of(HttpContext);
        (Title, Explanation) = Status switch
        {
            404 => ("Page not found", "There is nothing at this address. It may have moved, or the link may be mistyped."),
            403 => ("Not allowed", "Your account cannot open this page."),
            401 => ("Please sign in", "This page needs you to be signed in."),
            405 => ("Not supported", "This page cannot be used that way."),
            429 => ("Slow down", "Too many requests in a short time. Wait a moment and try again."),
            _ when Status >= 500 => ("Something went wrong", "We hit an unexpected error. It has been logged; please try again in a moment."),
            _ => ("That did not work", "The request could not be completed."),
        };
        if (HttpContext.Features.Get<IExceptionHandlerFeature>() is null && HttpContext.Features.Get<ErrorExplanation>() is { } explanation)
        {
            (Title, Explanation) = (explanation.Title, explanation.Explanation);
            if (explanation is { ActionText: { } text, ActionUrl: { } url })
            {
                NextStep = (text, url);
            }
        }
    }
}
