using FluentValidation;
using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Marketplace.Pages.Account;

/// <summary>Where the link in the confirmation mail leads.</summary>
[EnableRateLimiting(RateLimiting.Auth)]
public sealed class ConfirmEmailModel(IValidator<ConfirmEmail.Request> validator, UserManager<UserAccount> users) : PageModel
{
    public bool Confirmed { get; private set; }

    /// <summary>The form for a new link, shown when this one does not work.</summary>
    public ResendConfirmationModel.ResendInput Input { get; } = new();

    public async Task OnGetAsync(string? userId, string? code, CancellationToken ct)
    {
        var request = new ConfirmEmail.Request(Guid.TryParse(userId, out var id) ? id : Guid.Empty, code ?? "");
        Confirmed = (await validator.ValidateAsync(request, ct)).IsValid && await ConfirmEmail.ExecuteAsync(request, users);
    }
}
