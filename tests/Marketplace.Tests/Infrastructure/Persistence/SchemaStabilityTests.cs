using Marten;

namespace Marketplace.Tests.Infrastructure.Persistence;

/// <summary>
/// Once the app has applied its schema, the database matches the configuration exactly: no index or table is dropped
/// and rebuilt at every start (an index whose predicate PostgreSQL writes back differently would be).
/// </summary>
public sealed class SchemaStabilityTests(AppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task The_applied_schema_matches_the_configuration_with_nothing_left_to_migrate()
    {
        await Host.DocumentStore().Storage.Database.AssertDatabaseMatchesConfigurationAsync();
    }
}
