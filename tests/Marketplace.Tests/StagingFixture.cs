namespace Marketplace.Tests;

/// <summary>
/// One host outside Development, as the app runs for real people, shared by the tests of what changes there; its
/// first admin comes from configuration, as an operator sets it.
/// </summary>
public sealed class StagingFixture : AppFixture
{
    public const string AdminEmail = "owner@shop.example";
    public const string AdminPassword = "operator chosen passphrase";

    protected override string Environment => "Staging";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Seed:AdminEmail"] = AdminEmail,
        ["Seed:AdminPassword"] = AdminPassword,
    };
}

[CollectionDefinition(Name)]
public sealed class StagingCollection : ICollectionFixture<StagingFixture>
{
    public const string Name = "staging";
}
