using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Seeding;
using Marten;
using Wolverine;

namespace Marketplace.Features.Forum;

/// <summary>Demo categories and a welcome thread by the demo admin, so the forum is not empty on a first run.</summary>
public sealed class ForumDemoData : IDemoData
{
    private static readonly (string Slug, string Name, string Description, bool ReadOnly)[] DemoCategories =
    [
        ("announcements", "Announcements", "News from the Marketplace team.", true),
        ("help", "Help", "Questions about buying, selling and downloads.", false),
        ("show-and-tell", "Show and tell", "Share what you made with what you bought.", false),
    ];

    public int Order => 20;

    public async Task<IReadOnlyList<string>> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var session = services.GetRequiredService<IDocumentSession>();
        if (await session.Query<ForumCategory>().AnyAsync(ct))
        {
            return [];
        }

        var clock = services.GetRequiredService<TimeProvider>();
        var position = 0;
        foreach (var (slug, name, description, readOnly) in DemoCategories)
        {
            session.Store(new ForumCategory
            {
                Id = Guid.CreateVersion7(), Slug = slug, Name = name, Description = description,
                Position = position++, ReadOnly = readOnly, CreatedAt = clock.GetUtcNow(),
            });
        }

        await session.SaveChangesAsync(ct);
        var admin = await session.Query<UserAccount>().FirstOrDefaultAsync(u => u.Email == DemoAccounts.People[0].Email, ct);
        var announcements = await session.Query<ForumCategory>().FirstAsync(c => c.Slug == "announcements", ct);
        if (admin is not null)
        {
            await ThreadWriter.StartThreadAsync(
                services.GetRequiredService<IMessageBus>(), announcements.Id, new ForumActor(admin.Id, admin.DisplayName, IsModerator: true), "Welcome to the Marketplace forum",
                "Say hello in **Show and tell**, ask in **Help**. Be kind; moderators keep things tidy.", null, ct);
        }

        return ["  forum: 3 categories and a welcome thread at /forum"];
    }
}
