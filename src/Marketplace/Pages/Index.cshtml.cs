using Marketplace.Features.Accounts;
using Marketplace.Features.Catalog;
using Marketplace.Features.Forum;
using Marketplace.Features.Platform;
using Marketplace.Features.Shops;
using Marten;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;

namespace Marketplace.Pages;

/// <summary>Discover: the storefront.</summary>
public sealed class IndexModel(SiteSettingsReader settings, NpgsqlDataSource database, IQuerySession session, TimeProvider clock) : PageModel
{
    public SiteSettings Site { get; private set; } = null!;
    public IReadOnlyList<ProductCard> Featured { get; private set; } = [];
    public IReadOnlyList<ProductCard> Newest { get; private set; } = [];
    public IReadOnlyList<Storefront.ShopCard> Shops { get; private set; } = [];
    public IReadOnlyList<ForumThread> Threads { get; private set; } = [];
    public bool HasShop { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Site = await settings.GetAsync(ct);
        Featured = await Storefront.FeaturedAsync(database, 4, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        Newest = await Storefront.NewestAsync(database, 8, ct);
        Shops = await Storefront.ShopsAsync(database, 8, ct);
        Threads = await session.Query<ForumThread>().OrderByDescending(t => t.LastPostAt).Take(5).ToListAsync(ct);
        HasShop = Members.IdOf(User) is { } id && await ShopAccess.OwnedByAsync(session, id, ct) is { Status: not ShopStatus.Closed };
    }
}
