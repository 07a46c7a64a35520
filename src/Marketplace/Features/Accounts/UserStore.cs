using Marketplace.Infrastructure.Persistence;
using Marten;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Features.Accounts;

/// <summary>ASP.NET Core Identity's user store on Marten: one <see cref="UserAccount"/> document per person.</summary>
public sealed partial class UserStore(IDocumentSession session, SecurityStampCache stamps, IdentityErrorDescriber errors) :
    IUserEmailStore<UserAccount>, IUserPasswordStore<UserAccount>, IUserSecurityStampStore<UserAccount>
{
    /// <summary>Stores a new account, with the handle its display name suggests unless it was given one.</summary>
    public async Task<IdentityResult> CreateAsync(UserAccount user, CancellationToken cancellationToken)
    {
        if (user.Handle is null)
        {
            await MemberHandles.AssignAsync(session, user, cancellationToken);
        }

        session.Insert(user);
        return await SaveAsync(user, cancellationToken);
    }

    public async Task<IdentityResult> UpdateAsync(UserAccount user, CancellationToken cancellationToken)
    {
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        session.Update(user);
        return await SaveAsync(user, cancellationToken);
    }

    public async Task<IdentityResult> DeleteAsync(UserAccount user, CancellationToken cancellationToken)
    {
        session.Delete(user);
        return await SaveAsync(user, cancellationToken);
    }

    private async Task<IdentityResult> SaveAsync(UserAccount user, CancellationToken ct)
    {
        try
        {
            await session.SaveChangesAsync(ct);
            stamps.Forget(user.Id);
            return IdentityResult.Success;
        }
        catch (Exception e) when (e.IsUniqueViolation())
        {
            session.EjectAllPendingChanges();
            return IdentityResult.Failed(IsHandleIndex(e) ? MemberHandles.Taken() : errors.DuplicateEmail(user.Email ?? ""));
        }
        catch (Exception e) when (e.IsConcurrencyConflict())
        {
            session.EjectAllPendingChanges();
            return IdentityResult.Failed(errors.ConcurrencyFailure());
        }
    }

    private static bool IsHandleIndex(Exception e) =>
        (e as Npgsql.PostgresException ?? e.InnerException as Npgsql.PostgresException)?.ConstraintName?.Contains(MemberHandles.UniqueIndexName, StringComparison.Ordinal) == true;

    public Task<UserAccount?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        Guid.TryParse(userId, out var id)
            ? session.Query<UserAccount>().FirstOrDefaultAsync(u => u.Id == id && u.DeletedAt == null, cancellationToken)
            : Task.FromResult<UserAccount?>(null);

    public Task<UserAccount?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        session.Query<UserAccount>().FirstOrDefaultAsync(u => u.NormalizedUserName == normalizedUserName, cancellationToken);

    public Task<UserAccount?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        session.Query<UserAccount>().FirstOrDefaultAsync(u => u.NormalizedEmail == normalizedEmail, cancellationToken);

    public Task<string> GetUserIdAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult(user.Id.ToString());

    public Task<string?> GetUserNameAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult(user.UserName);

    public Task SetUserNameAsync(UserAccount user, string? userName, CancellationToken cancellationToken) =>
        Set(() => user.UserName = userName);

    public Task<string?> GetNormalizedUserNameAsync(UserAccount user, CancellationToken cancellationToken) =>
        Task.FromResult(user.NormalizedUserName);

    public Task SetNormalizedUserNameAsync(UserAccount user, string? normalizedName, CancellationToken cancellationToken) =>
        Set(() => user.NormalizedUserName = normalizedName);

    public Task<string?> GetEmailAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult(user.Email);

    public Task SetEmailAsync(UserAccount user, string? email, CancellationToken cancellationToken) => Set(() => user.Email = email);

    public Task<bool> GetEmailConfirmedAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult(user.EmailConfirmed);

    public Task SetEmailConfirmedAsync(UserAccount user, bool confirmed, CancellationToken cancellationToken) =>
        Set(() => user.EmailConfirmed = confirmed);

    public Task<string?> GetNormalizedEmailAsync(UserAccount user, CancellationToken cancellationToken) =>
        Task.FromResult(user.NormalizedEmail);

    public Task SetNormalizedEmailAsync(UserAccount user, string? normalizedEmail, CancellationToken cancellationToken) =>
        Set(() => user.NormalizedEmail = normalizedEmail);

    public Task<string?> GetPasswordHashAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash);

    public Task SetPasswordHashAsync(UserAccount user, string? passwordHash, CancellationToken cancellationToken) =>
        Set(() => user.PasswordHash = passwordHash);

    public Task<bool> HasPasswordAsync(UserAccount user, CancellationToken cancellationToken) =>
        Task.FromResult(user.PasswordHash is not null);

    public Task<string?> GetSecurityStampAsync(UserAccount user, CancellationToken cancellationToken) =>
        Task.FromResult(user.SecurityStamp);

    public Task SetSecurityStampAsync(UserAccount user, string stamp, CancellationToken cancellationToken) =>
        Set(() => user.SecurityStamp = stamp);

    private static Task Set(Action change)
    {
        change();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        // the session belongs to the request scope
    }
}
