using Marketplace.Features.Forum;
using Marten;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Pages.Forum;

/// <summary>The forum's front page: the community's categories in order, with their descriptions and activity, then the shops' support categories.</summary>
public sealed class IndexModel(IQuerySession session) : PageModel
{
    public IReadOnlyList<Categories.View> Community { get; private set; } = [];

    public IReadOnlyList<Categories.View> ShopSupport { get; private set; } = [];

    /// <summary>Threads, posts and the last post of each category that has threads.</summary>
    public IReadOnlyDictionary<Guid, CategoryActivity> Activity { get; private set; } = new Dictionary<Guid, CategoryActivity>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var categories = await Categories.ListForAsync(session, ForumActor.Of(User)?.Id, ct);
        Community = [.. categories.Where(c => c.ShopId is null)];
        ShopSupport = [.. categories.Where(c => c.ShopId is not null)];
        Activity = await CategoryActivity.ForAllAsync(session, ct);
    }
}
