using FluentValidation;
using Marketplace.Infrastructure.Persistence;
using Marketplace.Infrastructure.Web;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Accounts;

[WolverineHandler]
public static class ResendConfirmation
{
    public sealed record Request(string Email);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(x => x.Email).ValidEmail();
    }

    public sealed record Command(string Email, string BaseUrl);

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/resend-confirmation", PostAsync).Validate<Request>().AllowAnonymous()
            .WithName("ResendConfirmation").WithSummary("Mails a new confirmation link if the account exists and is unconfirmed. Always 202.");

    public static async Task<IResult> PostAsync(Request request, IMessageBus bus, HttpContext http)
    {
        await ExecuteAsync(request, bus, PublicUrl.Of(http), http.RequestAborted);
        return TypedResults.Accepted((string?)null);
    }

    public static Task ExecuteAsync(Request request, IMessageBus bus, string baseUrl, CancellationToken ct) =>
        bus.InvokeAsync(new Command(request.Email.Trim(), baseUrl), ct, UseCases.InvokeTimeout);

    /// <summary>The lookup happens in the durable handler of the message, so the request does the same work for any email.</summary>
    public static ConfirmationEmailRequested Handle(Command command) => new(command.Email, command.BaseUrl);
}
