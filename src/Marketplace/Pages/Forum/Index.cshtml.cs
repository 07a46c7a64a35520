using Marketplace.Features.Forum;
using Marten;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Pages.Forum;

/// <summary>The forum's front page: the community's categories in order, with their descriptions, then the shops' support categories.</summary>
public sealed class IndexModel(IQuerySession session) : PageModel
{
    public IReadOnlyList<Categories.View> Community { get; private set; } = [];

    public IReadOnlyList<Categories.View> ShopSupport { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var categories = await Categories.ListForAsync(session, ForumActor.Of(User)?.Id, ct);
        Community = [.. categories.Where(c => c.ShopId is null)];
        ShopSupport = [.. categories.Where(c => c.ShopId is not null)];
    }
}
