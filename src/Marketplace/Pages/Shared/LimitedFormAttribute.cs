using Marketplace.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Pages.Shared;

/// <summary>
/// Counts a page's form posts against a per-address policy (<see cref="FormBudgets"/>: the budget the API's routes
/// of that policy use too) and answers a refused post with the page itself (<see cref="TooManyAttempts"/>) instead of
/// the middleware's ProblemDetails. Showing the page is free, and so is a form whose content is refused
/// (<see cref="ICheckedForm"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LimitedFormAttribute(string policy) : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (RateLimiting.IsRead(context.HttpContext.Request) || context.HandlerInstance is not PageModel page
            || (page is ICheckedForm form && !await form.IsContentValidAsync(context.HttpContext.RequestAborted)))
        {
            await next();
            return;
        }

        using var permit = context.HttpContext.RequestServices.GetRequiredService<FormBudgets>().Acquire(policy, context.HttpContext);
        if (!permit.IsAcquired)
        {
            context.Result = TooManyAttempts.Page(page, permit, policy == RateLimiting.Contact
                ? "Many messages came from your network in a short time."
                : "There were many attempts from your network in a short time.");
            return;
        }

        await next();
    }
}
