using FluentValidation;
using Marketplace.StripeSandbox.Connect;
using Marten;
using Wolverine.Marten;

namespace Marketplace.StripeSandbox.Control;

/// <summary>
/// <c>POST /stripe-sandbox/control/accounts/{accountId}/onboarding</c> <c>{"outcome": "complete" | "requirements_due"}</c>:
/// finishes onboarding as the hosted page's Submit or Leave requirements due would, without a browser.
/// </summary>
public static class ControlOnboarding
{
    public sealed record Request(string Outcome, string? BusinessName = null);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Outcome).Must(outcome => outcome is "complete" or "requirements_due")
                .WithMessage("Outcome is complete or requirements_due.");
            RuleFor(x => x.BusinessName).MaximumLength(200);
        }
    }

    public static void Map(IEndpointRouteBuilder control) =>
        control.MapPost("/accounts/{accountId}/onboarding", HandleAsync).Validate<Request>();

    public static async Task<IResult> HandleAsync(
        string accountId, Request request, IDocumentSession session, IMartenOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var account = await session.LoadAsync<SandboxAccount>(accountId, ct);
        if (account is null || account.Deauthorized)
        {
            return ControlProblems.NoSuchAccount(accountId);
        }

        outbox.Enroll(session);
        var outcome = request.Outcome == "complete" ? OnboardingOutcome.Complete : OnboardingOutcome.RequirementsDue;
        var rendered = await SandboxOnboarding.ApplyAsync(new SandboxTransaction(session, outbox, clock), account, outcome,
            new OnboardingDetails(request.BusinessName, null, null, null, "stripe-sandbox-control"));
        await session.SaveChangesAsync(ct);
        return StripeObjectResult.Of(rendered);
    }
}

