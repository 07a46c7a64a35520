using System.Text.Json;
using Marketplace.Features.Catalog;
using Marketplace.Features.Forum;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;

namespace Marketplace.Pages.Catalog;

/// <summary>A product's page: what visitors see of a published product, and the seller of a draft.</summary>
public sealed class ProductModel(NpgsqlDataSource database, IQuerySession session) : PageModel
{
    public ProductView Product { get; private set; } = null!;
    public IReadOnlyList<ForumPost> Posts { get; private set; } = [];
    public bool HasThread { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid productId, string? slug, CancellationToken ct)
    {
        if (await GetProduct.ListedJsonAsync(database, productId, ct) is { } json)
        {
            Product = JsonSerializer.Deserialize<ProductView>(json, CatalogListings.Json)!;
        }
        else if (await ProductAccess.ManagedAsync(session, productId, User, ct) is { } managed)
        {
            Product = ProductView.Of(managed.Product, managed.Shop);
        }
        else
        {
            return NotFound();
        }

        if (slug != Product.Slug)
        {
            return RedirectPermanent(Product.Url);
        }

        HasThread = await session.LoadAsync<ForumThread>(productId, ct) is not null;
        Posts = HasThread
            ? await session.Query<ForumPost>().Where(p => p.ThreadId == productId && !p.Hidden && p.Seq > 1)
                .OrderByDescending(p => p.Seq).Take(3).ToListAsync(ct)
            : [];
        return Page();
    }
}
