using FluentValidation;
using Marketplace.Features.Accounts;
using Marketplace.Features.Forum;
using Marketplace.Pages.Shared;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Pages.Admin;

/// <summary>
/// The community's forum categories for admins: create, rename, describe, order, make read-only. The same use cases
/// as <c>POST</c> and <c>PUT /api/forum/categories</c>. Shops' support categories follow their shops and are not listed.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class ForumCategoriesModel(IDocumentSession session, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Categories.View> Community { get; private set; } = [];

    [BindProperty]
    public CategoryInput Create { get; set; } = new();

    /// <summary>The category being edited when its form came back with errors, with what was typed.</summary>
    [BindProperty]
    public CategoryInput Edit { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync([FromServices] IValidator<Categories.CreateRequest> validator, CancellationToken ct)
    {
        var request = new Categories.CreateRequest(Create.Name ?? "", Create.Slug ?? "", Create.Description ?? "", Create.Position, Create.ReadOnly);
        if (await ModelState.ValidateAsync(validator, request, nameof(Create), ct))
        {
            if (await Categories.TryCreateAsync(request, session, clock, ct) is { } created)
            {
                TempData.Flash($"Created {created.Name} at /forum/{created.Slug}.");
                return RedirectToPage();
            }

            ModelState.AddModelError($"{nameof(Create)}.{nameof(CategoryInput.Slug)}", Categories.SlugTaken(request.Slug));
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostUpdateAsync([FromServices] IValidator<UpdateCategory.Request> validator, CancellationToken ct)
    {
        var request = new UpdateCategory.Request(Edit.Name ?? "", Edit.Description ?? "", Edit.Position, Edit.ReadOnly);
        if (await ModelState.ValidateAsync(validator, request, nameof(Edit), ct))
        {
            var updated = await UpdateCategory.ExecuteAsync(Edit.Id, request, session, ct);
            TempData.Flash(updated is null ? "That category no longer exists." : $"Saved {updated.Name}.");
            return RedirectToPage();
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Community = [.. (await Categories.ListForAsync(session, memberId: null, ct)).Where(c => c.ShopId is null)];

    public sealed class CategoryInput
    {
        public Guid Id { get; set; }
        public string? Name { get; set; }
        public string? Slug { get; set; }
        public string? Description { get; set; }
        public int Position { get; set; }
        public bool ReadOnly { get; set; }
    }
}
