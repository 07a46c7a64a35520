using Marketplace.Features.Accounts;
using Marketplace.Features.Forum;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Pages.Community;

/// <summary>A member as others see them: name, handle, and their latest forum posts. Where a mention links to.</summary>
public sealed class MemberModel(IQuerySession session) : PageModel
{
    public UserAccount Member { get; private set; } = null!;

    public IReadOnlyList<MemberPosts.Item> Posts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string handle, CancellationToken ct)
    {
        if (MemberHandles.Problem(handle) is not null || await MemberHandles.FindAsync(session, handle, ct) is not { } member)
        {
            return NotFound();
        }

        Member = member;
        Posts = await MemberPosts.LatestAsync(session, member.Id, 10, ct);
        return Page();
    }
}
