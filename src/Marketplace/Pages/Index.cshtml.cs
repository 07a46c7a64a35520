using Marketplace.Features.Platform;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Pages;

public sealed class IndexModel(SiteSettingsReader settings) : PageModel
{
    public SiteSettings Site { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Site = await settings.GetAsync(ct);
}
