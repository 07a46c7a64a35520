using FluentValidation;

namespace Marketplace.Features.Moderation;

/// <summary>What a flag of a post and a report of a product both ask for: a reason from a short list, and text for "other".</summary>
public static class ReportRules
{
    public const int MaxTextLength = 500;

    public static void Add<T>(AbstractValidator<T> validator, Func<T, string?> reason, Func<T, string?> text, IReadOnlyList<string> reasons, string what)
    {
        validator.RuleFor(x => reason(x)).Must(r => r is not null && reasons.Contains(r))
            .WithMessage($"Choose {string.Join(", ", reasons.Take(reasons.Count - 1))} or {reasons[^1]}.").OverridePropertyName("Reason");
        validator.RuleFor(x => text(x)).MaximumLength(MaxTextLength).OverridePropertyName("Text");
        validator.RuleFor(x => text(x)).NotEmpty().When(x => reason(x) == "other").WithMessage($"Say what is wrong with the {what}.").OverridePropertyName("Text");
    }
}
