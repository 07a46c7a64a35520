using FluentValidation;
using Marketplace.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Marketplace.Pages.Shared;

/// <summary>
/// Puts a use case's validation failures and Identity's errors on a page's fields. Fields are named like the use
/// case's request (<c>email</c>, <c>NewPassword</c>) under the prefix of the page's input model (<c>Input.Email</c>).
/// </summary>
public static class FormErrors
{
    /// <summary>Runs the use case's own validator; false when the request is not valid.</summary>
    public static async Task<bool> ValidateAsync<T>(
        this ModelStateDictionary modelState, IValidator<T> validator, T request, string prefix, CancellationToken ct)
    {
        var result = await validator.ValidateAsync(request, ct);
        foreach (var failure in result.Errors)
        {
            modelState.AddModelError(Key(prefix, failure.PropertyName), failure.ErrorMessage);
        }

        return result.IsValid;
    }

    public static void AddIdentityErrors(this ModelStateDictionary modelState, string prefix, IdentityResult result, string passwordField = "password")
    {
        foreach (var (field, messages) in AccountResults.FieldErrors(result, passwordField))
        {
            foreach (var message in messages)
            {
                modelState.AddModelError(field.Length == 0 ? "" : Key(prefix, field), message);
            }
        }
    }

    /// <summary>The form field of a request field; a nested one (<c>price.amount</c>) belongs to its parent's field (<c>Input.Price</c>).</summary>
    public static string Key(string prefix, string field)
    {
        var head = field.Split('.', 2)[0];
        return $"{prefix}.{char.ToUpperInvariant(head[0])}{head[1..]}";
    }
}
