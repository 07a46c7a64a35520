using Marten;
using Marketplace.Infrastructure.Seeding;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Features.Accounts;

/// <summary>One confirmed account per role, for trying the marketplace out. Never seeded outside Development or `seed`.</summary>
public sealed class DemoAccounts : IDemoData
{
    public const string Password = "marketplace-demo";

    public static readonly IReadOnlyList<(string Email, string DisplayName, string[] Roles)> People =
    [
        ("admin@marketplace.localhost", "Ada Admin", [Roles.Buyer, Roles.Admin]),
        ("moderator@marketplace.localhost", "Mo Moderator", [Roles.Buyer, Roles.Moderator]),
        ("seller@marketplace.localhost", "Sam Seller", [Roles.Buyer, Roles.Seller]),
        ("buyer@marketplace.localhost", "Bea Buyer", [Roles.Buyer]),
    ];

    public int Order => 0;

    public async Task<IReadOnlyList<string>> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var users = services.GetRequiredService<UserManager<UserAccount>>();
        var clock = services.GetRequiredService<TimeProvider>();
        var lines = new List<string>();
        foreach (var (email, displayName, roles) in People)
        {
            await EnsureAsync(users, clock, email, displayName, Password, roles);
            lines.Add($"  {roles[^1],-9} {email} / {Password}");
        }

        return lines;
    }

    /// <summary>Creates a confirmed account with these roles unless the email already has one.</summary>
    public static async Task EnsureAsync(
        UserManager<UserAccount> users, TimeProvider clock, string email, string displayName, string password, IReadOnlyList<string> roles)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var user = new UserAccount
        {
            Id = Guid.CreateVersion7(),
            Email = email,
            UserName = email,
            DisplayName = displayName,
            EmailConfirmed = true,
            CreatedAt = clock.GetUtcNow(),
            Roles = [.. roles],
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded && !result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateEmail)))
        {
            throw new InvalidOperationException($"Could not create {email}: {string.Join(' ', result.Errors.Select(e => e.Description))}");
        }
    }
}

/// <summary>
/// The first admin, from <c>Seed:AdminEmail</c> and <c>Seed:AdminPassword</c>, in any environment: admins are never
/// made through a public endpoint. An existing account with that email is made admin.
/// </summary>
public sealed class ConfiguredAdmin(IServiceScopeFactory scopes, IConfiguration configuration) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var email = configuration["Seed:AdminEmail"];
        var password = configuration["Seed:AdminPassword"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        await DemoAccounts.EnsureAsync(users, scope.ServiceProvider.GetRequiredService<TimeProvider>(), email, "Administrator", password, [Roles.Buyer, Roles.Admin]);
        var admin = await users.FindByEmailAsync(email);
        if (admin is not null && !admin.IsInRole(Roles.Admin))
        {
            // Made admin by the platform's configuration: logged like any role change, in the same commit (the store saves this session).
            var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
            Moderation.AuditTrail.Record(session, Moderation.AuditActor.System, "member.role.grant", "member", $"{admin.Id}", "Seed:AdminEmail",
                new() { ["roles"] = string.Join(" ", Roles.All.Where(admin.IsInRole)) }, new() { ["roles"] = string.Join(" ", Roles.All.Where(r => r == Roles.Admin || admin.IsInRole(r))) },
                scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow());
            await users.AddToRoleAsync(admin, Roles.Admin);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
