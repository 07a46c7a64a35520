using FluentValidation;

namespace Marketplace.Features.Accounts;

/// <summary>Validation rules shared by the account use cases.</summary>
public static class AccountRules
{
    public static IRuleBuilderOptions<T, string> ValidEmail<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(254).EmailAddress();

    /// <summary>Length only: Identity's password options decide the rest, and report it under the same field.</summary>
    public static IRuleBuilderOptions<T, string> NewPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MinimumLength(10).MaximumLength(128);

    public static IRuleBuilderOptions<T, string> ValidDisplayName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(60)
            .Must(name => name.Trim().Length >= 2).WithMessage("The display name needs at least 2 visible characters.")
            .Must(name => !name.Any(char.IsControl)).WithMessage("The display name cannot contain control characters.");
}
