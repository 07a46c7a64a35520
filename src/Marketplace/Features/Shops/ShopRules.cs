using System.Text.RegularExpressions;
using FluentValidation;
using Marketplace.Infrastructure.Text;

namespace Marketplace.Features.Shops;

/// <summary>What makes a shop's name, slug and description acceptable; shared by opening and editing a shop.</summary>
public static partial class ShopRules
{
    public const int NameMax = 60;
    public const int DescriptionMax = 2000;

    /// <summary>Slugs that would read as the marketplace itself or collide with its own pages.</summary>
    public static readonly IReadOnlySet<string> ReservedSlugs = new HashSet<string>(StringComparer.Ordinal)
    {
        "admin", "administrator", "api", "about", "account", "accounts", "assets", "billing", "blog", "cart", "checkout",
        "contact", "css", "dashboard", "dev", "download", "downloads", "forum", "help", "hubs", "img", "js", "lib", "library",
        "login", "logout", "mail", "marketplace", "me", "mine", "moderation", "moderator", "new", "official", "open",
        "orders", "payouts", "register", "root", "sales", "search", "security", "seller", "sellers", "settings", "shop",
        "shops", "staff", "static", "stripe", "stripe-sandbox", "support", "system", "team", "www",
    };

    public static IRuleBuilderOptions<T, string> ShopName<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Give the shop a name.")
            .MaximumLength(NameMax)
            .PublicName("A shop name")
            .WithName("shop name");

    public static IRuleBuilderOptions<T, string> ShopSlug<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Choose the shop's web address.")
            .Length(3, 40).WithMessage("A shop address has 3 to 40 characters.")
            .Matches(SlugPattern()).WithMessage("Use lowercase letters, digits and single hyphens, starting and ending with a letter or digit.")
            .Must(slug => !ReservedSlugs.Contains(slug)).WithMessage("This address is reserved; choose another.");

    public static IRuleBuilderOptions<T, string?> ShopDescription<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(DescriptionMax);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
