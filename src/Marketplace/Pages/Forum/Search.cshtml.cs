using Marketplace.Features.Forum;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Pages.Forum;

/// <summary>Forum search for people: the same search as <c>GET /api/forum/search</c>, threads first, then posts.</summary>
public sealed class SearchModel(IQuerySession session) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public SearchForum.Response? Results { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Q))
        {
            return;
        }

        Error = SearchForum.Invalid(Q);
        if (Error is null)
        {
            Results = await SearchForum.ExecuteAsync(Q, ForumActor.Of(User)?.IsModerator == true, session, ct);
        }
    }
}
