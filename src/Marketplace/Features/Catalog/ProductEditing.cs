using Marketplace.Features.Forum.Markdown;

namespace Marketplace.Features.Catalog;

/// <summary>Writes validated fields into a product, normalized: the one place creating and editing a product agree on.</summary>
public static class ProductEditing
{
    public static void Apply(Product product, ProductRules.Fields fields, ForumMarkdown markdown, DateTimeOffset now)
    {
        product.Title = fields.Title.Trim().Normalize(System.Text.NormalizationForm.FormC);
        product.Slug = ProductRules.SlugOf(product.Title);
        product.Description = (fields.Description ?? "").Trim();
        product.DescriptionHtml = product.Description.Length == 0 ? "" : markdown.Render(product.Description);
        product.PriceAmount = fields.Price!.Amount;
        product.Tags = ProductRules.NormalizeTags(fields.Tags);
        product.DownloadLimit = fields.DownloadLimit;
        product.LinkLifetimeMinutes = fields.LinkLifetimeMinutes;
        product.EditionSize = fields.EditionSize;
        product.UpdatedAt = now;
    }
}
