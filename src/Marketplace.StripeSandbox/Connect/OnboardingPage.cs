using Marketplace.StripeSandbox.Pages;
using Marketplace.StripeSandbox.Wire;
using Marten;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.StripeSandbox.Connect;

/// <summary>
/// The hosted onboarding an account link leads to. <c>GET</c> shows a form prefilled with Stripe's test data;
/// <c>POST</c> (Submit, or Leave requirements due) applies it, uses the link up and redirects to its
/// <c>return_url</c>. A used or expired link redirects to its <c>refresh_url</c>, as Stripe does.
/// </summary>
[WolverineHandler]
public static class OnboardingPage
{
    private const int MaxFieldLength = 200;

    public static void Map(IEndpointRouteBuilder sandbox)
    {
        sandbox.MapGet("/connect/onboarding/{linkId}", ShowAsync);
        sandbox.MapPost("/connect/onboarding/{linkId}", SubmitAsync);
    }

    public static async Task<IResult> ShowAsync(string linkId, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var link = await session.LoadAsync<SandboxAccountLink>(linkId, ct);
        if (link is null)
        {
            return NotFound();
        }

        if (!link.IsUsable(clock.GetUtcNow()))
        {
            return Results.Redirect(link.RefreshUrl);
        }

        var account = await session.LoadAsync<SandboxAccount>(link.Account, ct);
        return account is null || account.Deauthorized
            ? Results.Redirect(link.RefreshUrl)
            : new SandboxPage("Set up payouts", OnboardingForm.Render(link, account), link.ReturnUrl, link.RefreshUrl);
    }

    /// <summary>The hosted form's Submit (or Leave requirements due) for an account link.</summary>
    public sealed record Submit(string LinkId, OnboardingOutcome Outcome, OnboardingDetails Details);

    public static async Task<IResult> SubmitAsync(string linkId, HttpRequest request, IMessageBus bus, IQuerySession session, CancellationToken ct)
    {
        var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : FormCollection.Empty;
        var outcome = form["outcome"].ToString() == "requirements_due" ? OnboardingOutcome.RequirementsDue : OnboardingOutcome.Complete;
        var details = new OnboardingDetails(
            Field(form, "business_name"), Field(form, "website"), Field(form, "product_description"),
            request.HttpContext.Connection.RemoteIpAddress?.ToString(), Field(request.Headers.UserAgent.ToString()));
        try
        {
            return await bus.InvokeAsync<IResult>(new Submit(linkId, outcome, details), ct, SandboxTransaction.InvokeTimeout);
        }
        catch (Exception e) when (e.IsConcurrencyConflict())
        {
            // The same link was submitted twice at once: the other submission used it.
            return await session.LoadAsync<SandboxAccountLink>(linkId, ct) is { } link ? Results.Redirect(link.RefreshUrl) : NotFound();
        }
    }

    /// <summary>Applies the form, uses the link up and redirects to its <c>return_url</c>; a link no longer usable redirects to its <c>refresh_url</c>.</summary>
    public static async Task<IResult> HandleAsync(Submit command, IDocumentSession session, IMessageContext messages, TimeProvider clock, CancellationToken ct)
    {
        var link = await session.LoadAsync<SandboxAccountLink>(command.LinkId, ct);
        if (link is null)
        {
            return NotFound();
        }

        var account = await session.LoadAsync<SandboxAccount>(link.Account, ct);
        if (!link.IsUsable(clock.GetUtcNow()) || account is null || account.Deauthorized)
        {
            return Results.Redirect(link.RefreshUrl);
        }

        var transaction = await SandboxTransaction.BeginAsync(session, messages, clock, ct);
        link.UsedAt = transaction.Now;
        session.Update(link);
        await SandboxOnboarding.ApplyAsync(transaction, account, command.Outcome, command.Details);
        return Results.Redirect(link.ReturnUrl);
    }

    private static SandboxPage NotFound() => new("Link not found",
        """<h1>This link is not valid</h1><p class="sbx-muted">Ask the platform that sent you here for a new onboarding link.</p>""")
    {
        StatusCode = StatusCodes.Status404NotFound,
    };

    private static string? Field(IFormCollection form, string name) => Field(form[name].ToString());

    private static string? Field(string value) => value.Trim() switch
    {
        "" => null,
        var text => text.Length > MaxFieldLength ? text[..MaxFieldLength] : text,
    };
}
