using Marten;

namespace Marketplace.Features.Accounts;

/// <summary>
/// The Accounts side of a deletion: the account's refresh tokens (already revoked) are purged. Other features
/// handle <see cref="AccountDeleted"/> for their own data.
/// </summary>
public static class AccountDeletedHandler
{
    public static void Handle(AccountDeleted deleted, IDocumentSession session) =>
        session.DeleteWhere<RefreshToken>(token => token.UserId == deleted.UserId);
}
