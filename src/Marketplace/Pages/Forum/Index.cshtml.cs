using Marketplace.Features.Forum;
using Marten;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Pages.Forum;

/// <summary>The forum's front page: its categories in order, with their descriptions.</summary>
public sealed class IndexModel(IQuerySession session) : PageModel
{
    public IReadOnlyList<Categories.View> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Categories = await Features.Forum.Categories.ListForAsync(session, ForumActor.Of(User)?.Id, ct);
}
