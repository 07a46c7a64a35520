using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Resources;

namespace Marketplace.Infrastructure.Validation;

/// <summary>
/// Every validator's stock messages, written for people and naming the field in words ("Fill in the display name.",
/// "The shop name can be at most 60 characters long; this one is 61."), in one place instead of in each validator.
/// A rule's own <c>WithMessage</c> still wins.
/// </summary>
public sealed partial class PlainMessages : LanguageManager
{
    /// <summary>Fields whose member name is not what a person calls them.</summary>
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["Body"] = "text",
        ["Q"] = "search",
        ["Slug"] = "web address",
    };

    private PlainMessages()
    {
        Culture = new CultureInfo("en");
        AddTranslation("en", "NotEmptyValidator", "Fill in the {PropertyName}.");
        AddTranslation("en", "NotNullValidator", "Fill in the {PropertyName}.");
        AddTranslation("en", "MaximumLengthValidator", "The {PropertyName} can be at most {MaxLength} characters long; this one is {TotalLength}.");
        AddTranslation("en", "MinimumLengthValidator", "The {PropertyName} needs at least {MinLength} characters; this one has {TotalLength}.");
        AddTranslation("en", "LengthValidator", "The {PropertyName} needs {MinLength} to {MaxLength} characters; this one has {TotalLength}.");
        AddTranslation("en", "ExactLengthValidator", "The {PropertyName} has exactly {MaxLength} characters; this one has {TotalLength}.");
        AddTranslation("en", "EmailValidator", "Enter an email address, like name@example.com.");
        AddTranslation("en", "InclusiveBetweenValidator", "The {PropertyName} is a number from {From} to {To}.");
        AddTranslation("en", "GreaterThanOrEqualValidator", "The {PropertyName} is at least {ComparisonValue}.");
        AddTranslation("en", "LessThanOrEqualValidator", "The {PropertyName} is at most {ComparisonValue}.");
        AddTranslation("en", "GreaterThanValidator", "The {PropertyName} is more than {ComparisonValue}.");
        AddTranslation("en", "LessThanValidator", "The {PropertyName} is less than {ComparisonValue}.");
        AddTranslation("en", "RegularExpressionValidator", "The {PropertyName} is not in the expected form.");
        AddTranslation("en", "PredicateValidator", "Check the {PropertyName}.");
        AddTranslation("en", "AsyncPredicateValidator", "Check the {PropertyName}.");
        AddTranslation("en", "EnumValidator", "Choose one of the offered values for the {PropertyName}.");
    }

    /// <summary>Makes these the messages of every validator in the process (FluentValidation's options are global).</summary>
    public static void Use()
    {
        ValidatorOptions.Global.LanguageManager = new PlainMessages();
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : InWords(member.Name);
    }

    /// <summary>A member name as words: <c>DisplayName</c> is "display name", <c>NewPassword</c> "new password".</summary>
    public static string InWords(string memberName) =>
        Names.TryGetValue(memberName, out var name) ? name : WordStart().Replace(memberName, " $1").Trim().ToLowerInvariant();

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex WordStart();
}
