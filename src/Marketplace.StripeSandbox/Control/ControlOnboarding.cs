using FluentValidation;
using Marketplace.StripeSandbox.Connect;
using Marten;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.StripeSandbox.Control;

/// <summary>
/// <c>POST /stripe-sandbox/control/accounts/{accountId}/onboarding</c> <c>{"outcome": "complete" | "requirements_due"}</c>:
/// finishes onboarding as the hosted page's Submit or Leave requirements due would, without a browser.
/// </summary>
[WolverineHandler]
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

    public sealed record Command(string AccountId, string Outcome, string? BusinessName);

    public static void Map(IEndpointRouteBuilder control) =>
        control.MapPost("/accounts/{accountId}/onboarding", PostAsync).Validate<Request>();

    public static Task<IResult> PostAsync(string accountId, Request request, IMessageBus bus, CancellationToken ct) =>
        bus.InvokeAsync<IResult>(new Command(accountId, request.Outcome, request.BusinessName), ct, SandboxTransaction.InvokeTimeout);

    public static async Task<IResult> HandleAsync(Command command, IDocumentSession session, IMessageContext messages, TimeProvider clock, CancellationToken ct)
    {
        var account = await session.LoadAsync<SandboxAccount>(command.AccountId, ct);
        if (account is null || account.Deauthorized)
        {
            return ControlProblems.NoSuchAccount(command.AccountId);
        }

        var outcome = command.Outcome == "complete" ? OnboardingOutcome.Complete : OnboardingOutcome.RequirementsDue;
        var rendered = await SandboxOnboarding.ApplyAsync(await SandboxTransaction.BeginAsync(session, messages, clock, ct), account, outcome,
            new OnboardingDetails(command.BusinessName, null, null, null, "stripe-sandbox-control"));
        return StripeObjectResult.Of(rendered);
    }
}
