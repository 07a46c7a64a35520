using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Features.Moderation;

/// <summary>
/// Refuses a suspended member's writes (every method but GET, HEAD and OPTIONS) with a 403 that says why and until
/// when, unless the endpoint is <see cref="AllowedWhileSuspendedAttribute"/>. Writes are refused by default, so a new
/// route needs no care to stay closed to them; reads are never looked at.
/// </summary>
public sealed class SuspensionCheck(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context) =>
        IsWrite(context) && Members.IdOf(context.User) is { } memberId && context.GetEndpoint()?.Metadata.GetMetadata<AllowedWhileSuspendedAttribute>() is null
            ? CheckAsync(context, memberId)
            : next(context);

    private async Task CheckAsync(HttpContext context, Guid memberId)
    {
        var suspension = await context.RequestServices.GetRequiredService<MemberSuspensions>().ActiveAsync(memberId, context.RequestAborted);
        if (suspension is null)
        {
            await next(context);
            return;
        }

        if (ErrorResponses.WantsHtml(context))
        {
            // The error page explains it (re-executed by the status code pages for the status).
            context.Features.Set(new ErrorExplanation("Your account is suspended", MemberSuspensions.Explain(suspension), "Write to the team", "/contact"));
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        await ErrorResponses.WriteAsync(context, new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden, Type = ModerationProblems.MemberSuspendedType,
            Title = "Your account is suspended.", Detail = MemberSuspensions.Explain(suspension),
            Extensions = { ["until"] = suspension.Until },
        });
    }

    private static bool IsWrite(HttpContext context) =>
        !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method);
}
