using FluentValidation;
using Marketplace.Infrastructure.Text;

namespace Marketplace.Features.Accounts;

/// <summary>Validation rules shared by the account use cases.</summary>
public static class AccountRules
{
    public static IRuleBuilderOptions<T, string> ValidEmail<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(254).EmailAddress();

    /// <summary>Length only: Identity's password options decide the rest, and report it under the same field.</summary>
    public static IRuleBuilderOptions<T, string> NewPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MinimumLength(10).MaximumLength(128);

    /// <summary>A name other members see; stored as <see cref="PublicNames.Normalize"/> makes it.</summary>
    public static IRuleBuilderOptions<T, string> ValidDisplayName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(60).PublicName("The display name");
}
