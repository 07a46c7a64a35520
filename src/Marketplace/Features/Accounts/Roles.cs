namespace Marketplace.Features.Accounts;

/// <summary>The four roles. Everyone is a buyer; opening a shop makes a seller; admins grant moderator.</summary>
public static class Roles
{
    public const string Buyer = "buyer";
    public const string Seller = "seller";
    public const string Moderator = "moderator";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Buyer, Seller, Moderator, Admin];
}

/// <summary>Authorization policies, decided here and nowhere else.</summary>
public static class Policies
{
    /// <summary>Any signed-in member.</summary>
    public const string Member = "member";

    public const string Seller = "seller";

    /// <summary>Moderators and admins.</summary>
    public const string Moderator = "moderator";

    public const string Admin = "admin";
}
