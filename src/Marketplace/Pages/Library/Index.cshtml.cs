using Marketplace.Features.Accounts;
using Marketplace.Features.Downloads;
using Marketplace.Features.Downloads.Library;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Marketplace.Pages.Library;

/// <summary>
/// The buyer's library: every purchase with its files. Each download button asks for a fresh signed link
/// (<c>POST /api/library/…/link</c>) and follows it; while a copy is being made the page asks again every two seconds.
/// </summary>
[Authorize(Policy = Policies.Member)]
public sealed class IndexModel(IQuerySession session, IOptions<DownloadOptions> options) : PageModel
{
    public IReadOnlyList<LibraryItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await GetLibrary.ReadAsync(session, Members.IdOf(User)!.Value, options.Value, ct);

    public static bool CanDownload(LibraryItem item, LibraryFile file) =>
        item.State == "active" && file.RemainingDownloads > 0 && file.Copy is "ready" or "unchanged";

    public static string ButtonText(LibraryItem item, LibraryFile file) => file.Copy switch
    {
        _ when item.State != "active" => "Unavailable",
        "preparing" => "Preparing your copy…",
        "refused" => "Unavailable",
        _ when file.RemainingDownloads == 0 => "No downloads left",
        _ => "Download",
    };
}
