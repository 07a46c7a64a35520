using Marketplace.Features.Accounts;
using Marketplace.Features.Forum;
using Marketplace.Features.Forum.Notifications;
using Marketplace.Tests.Features.Accounts;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wolverine.Marten;

namespace Marketplace.Tests.Infrastructure.Persistence;

/// <summary>
/// The reset before each test (<see cref="DataReset"/>) meets the previous test's messages still being handled. Marten's
/// own reset, truncating table after table, once deadlocked with such a handler (40P01); this runs many resets into
/// the middle of exactly that traffic.
/// </summary>
public sealed class DataResetTests(AppFixture fixture) : AccountsTest(fixture)
{
    private const int Rounds = 15;
    private const int MessagesPerRound = 100;

    [Fact]
    public async Task A_reset_while_handlers_write_forum_documents_neither_deadlocks_nor_leaves_anything_behind()
    {
        for (var round = 1; round <= Rounds; round++)
        {
            var member = await CreateAccountAsync(NewEmail("renamer"));
            await StoreAsync(new ForumNotification { Id = $"n-{round}", MemberId = Guid.NewGuid(), ActorId = member });
            await PublishRenamesAsync(member);

            if (Environment.GetEnvironmentVariable("OLD_RESET") == "1") { await Host.ResetAllMartenDataAsync(); } else { await DataReset.ResetAsync(Host); }

            var left = await QueryAsync(async session => (
                Accounts: await session.Query<UserAccount>().CountAsync(),
                Notifications: await session.Query<ForumNotification>().CountAsync()));
            left.ShouldBe((0, 0), $"round {round}");
            (await EnvelopesAsync()).ShouldBe(0, $"round {round}");
        }
    }

    /// <summary>
    /// Renames committed as the app commits them (through the outbox); each makes <see cref="ForumAuthorNamesHandler"/>
    /// update posts, threads and then notifications in one transaction: the reverse of the order in which a reset going
    /// table by table (alphabetically: forumnotification, forumpost, forumthread) takes them.
    /// </summary>
    private async Task PublishRenamesAsync(Guid member)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        var outbox = scope.ServiceProvider.GetRequiredService<IMartenOutbox>();
        outbox.Enroll(session);
        for (var i = 0; i < MessagesPerRound; i++)
        {
            await outbox.PublishAsync(new DisplayNameChanged(member));
        }

        await session.SaveChangesAsync();
    }

    private async Task<long> EnvelopesAsync()
    {
        await using var connection = await Host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var count = new NpgsqlCommand("select count(*) from wolverine.wolverine_incoming_envelopes where status <> 'Handled'", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
