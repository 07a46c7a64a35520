using FluentValidation;
using Marketplace.Infrastructure.Persistence;
using Marketplace.Infrastructure.Web;
using Marten;
using Microsoft.AspNetCore.Identity;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Accounts;

/// <summary>
/// <c>PUT /api/account/handle</c>: the member chooses the <c>@handle</c> others mention them by (<see cref="MemberHandles"/>).
/// Mentions already posted keep the handle they were written with.
/// </summary>
[WolverineHandler]
public static class ChangeHandle
{
    public sealed record Request(string Handle);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(x => x.Handle).ValidHandle();
    }

    public sealed record Command(Guid UserId, string Handle);

    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/handle", PutAsync).Validate<Request>()
            .WithName("ChangeHandle").WithSummary("Changes the @handle others mention the member by; unique without regard to case.");

    public static async Task<IResult> PutAsync(Request request, UserManager<UserAccount> users, IMessageBus bus, HttpContext http)
    {
        if (await users.GetUserAsync(http.User) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var result = await ExecuteAsync(request, user, bus, http.RequestAborted);
        return result.Succeeded ? TypedResults.NoContent() : AccountResults.From(result);
    }

    /// <summary>Runs the change for the endpoint and the account page; <paramref name="user"/> shows the new handle after.</summary>
    public static async Task<IdentityResult> ExecuteAsync(Request request, UserAccount user, IMessageBus bus, CancellationToken ct)
    {
        var handle = request.Handle.Trim();
        var result = await bus.InvokeAsync<IdentityResult>(new Command(user.Id, handle), ct, UseCases.InvokeTimeout);
        if (result.Succeeded)
        {
            MemberHandles.Set(user, handle);
        }

        return result;
    }

    /// <summary>Holds the handle family's lock while it checks and saves, as sign-ups do (<see cref="MemberHandles.AssignAsync"/>).</summary>
    public static async Task<IdentityResult> HandleAsync(Command command, UserManager<UserAccount> users, IDocumentSession session, CancellationToken ct)
    {
        if (await users.FindByIdAsync(command.UserId.ToString()) is not { } user)
        {
            return IdentityResult.Failed(users.ErrorDescriber.DefaultError());
        }

        if (string.Equals(user.Handle, command.Handle, StringComparison.Ordinal))
        {
            return IdentityResult.Success;
        }

        await MemberHandles.LockFamilyAsync(session, command.Handle, ct);
        if (await MemberHandles.IsTakenAsync(session, command.Handle, user.Id, ct))
        {
            return IdentityResult.Failed(MemberHandles.Taken());
        }

        MemberHandles.Set(user, command.Handle);
        return await users.UpdateAsync(user);
    }
}
