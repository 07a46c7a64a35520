using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FluentValidation;
using Marketplace.Infrastructure.Payments;

namespace Marketplace.Features.Catalog;

/// <summary>What the seller may write into a product, shared by creating and editing it.</summary>
public static partial class ProductRules
{
    public const int TitleMin = 3;
    public const int TitleMax = 120;
    public const int DescriptionMax = 20_000;
    public const int MaxTags = 10;
    public const int TagMax = 30;

    /// <summary>Stripe's smallest charge is about half a dollar; anything below that, but for a free download, is refused.</summary>
    public const long MinPaidAmount = 50;

    /// <summary>Stripe's largest amount for one charge (eight digits).</summary>
    public const long MaxAmount = 99_999_999;

    public const int MaxDownloadLimit = 100;
    public const int MinLinkLifetimeMinutes = 5;
    public const int MaxLinkLifetimeMinutes = 7 * 24 * 60;
    public const int MaxEditionSize = 1_000_000;

    /// <summary>The editable part of a product, as the API and the editor page send it.</summary>
    public sealed record Fields(
        string Title, string? Description, Price? Price, IReadOnlyList<string>? Tags = null,
        int? DownloadLimit = null, int? LinkLifetimeMinutes = null, int? EditionSize = null);

    public sealed record Price(long Amount, string? Currency);

    public sealed class FieldsValidator : AbstractValidator<Fields>
    {
        public FieldsValidator()
        {
            RuleFor(x => x.Title).Cascade(CascadeMode.Stop)
                .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Give the product a title.")
                .Must(t => t.Trim().Length >= TitleMin).WithMessage($"A title has at least {TitleMin} characters.")
                .Must(t => t.Trim().Length <= TitleMax).WithMessage($"A title has at most {TitleMax} characters; this one has {{PropertyValue.Length}}.");
            RuleFor(x => x.Description).Must(d => d is null || d.Length <= DescriptionMax)
                .WithMessage($"A description has at most {DescriptionMax:N0} characters.");
            RuleFor(x => x.Price).NotNull().WithMessage("Set a price (0 for a free download).");
            RuleFor(x => x.Price!.Amount).Cascade(CascadeMode.Stop)
                .GreaterThanOrEqualTo(0).WithMessage("A price cannot be negative.")
                .Must(a => a == 0 || a >= MinPaidAmount).WithMessage("A paid product costs at least 0.50 (Stripe's smallest charge); use 0 for a free download.")
                .LessThanOrEqualTo(MaxAmount).WithMessage($"A price is at most {MaxAmount / 100:N0}.99.")
                .OverridePropertyName("price.amount").When(x => x.Price is not null);
            RuleFor(x => x.Price!.Currency).Must(c => c is null || CurrencyPattern().IsMatch(c))
                .WithMessage("A currency is a three-letter ISO code such as usd.").OverridePropertyName("price.currency").When(x => x.Price is not null);
            RuleFor(x => x.Tags).Must(t => t is null || t.Count <= MaxTags).WithMessage($"Use at most {MaxTags} tags.");
            RuleForEach(x => x.Tags).Must(t => NormalizeTag(t) is { Length: > 0 and <= TagMax } n && TagPattern().IsMatch(n))
                .WithMessage($"A tag has 1 to {TagMax} letters, digits and hyphens.");
            RuleFor(x => x.DownloadLimit).InclusiveBetween(1, MaxDownloadLimit)
                .WithMessage($"Allow 1 to {MaxDownloadLimit} downloads per file, or leave it empty for the default.");
            RuleFor(x => x.LinkLifetimeMinutes).InclusiveBetween(MinLinkLifetimeMinutes, MaxLinkLifetimeMinutes)
                .WithMessage($"A download link lives {MinLinkLifetimeMinutes} minutes to 7 days, or leave it empty for the default.");
            RuleFor(x => x.EditionSize).InclusiveBetween(1, MaxEditionSize)
                .WithMessage($"An edition has 1 to {MaxEditionSize:N0} copies, or leave it empty for unlimited copies.");
        }
    }

    /// <summary>"Sci-Fi  Fonts " → "sci-fi-fonts": lowercase, words joined by single hyphens.</summary>
    public static string NormalizeTag(string? tag) =>
        string.Join('-', (tag ?? "").Normalize(NormalizationForm.FormC).ToLower(CultureInfo.InvariantCulture)
            .Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public static List<string> NormalizeTags(IReadOnlyList<string>? tags) =>
        [.. (tags ?? []).Select(NormalizeTag).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)];

    /// <summary>The product's address part: "Hand-drawn Icons, vol. 2" → "hand-drawn-icons-vol-2".</summary>
    public static string SlugOf(string title)
    {
        var slug = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormKD).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                slug.Append(c);
            }
            else if (char.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var trimmed = slug.ToString().Trim('-');
        return trimmed.Length == 0 ? "product" : trimmed[..Math.Min(trimmed.Length, 60)].TrimEnd('-');
    }

    public static string Display(Product product) => Money.Format(product.PriceAmount, product.Currency);

    [GeneratedRegex("^[a-z]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyPattern();

    [GeneratedRegex(@"^[\p{Ll}\p{Lo}\p{Nd}]+(-[\p{Ll}\p{Lo}\p{Nd}]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();
}
