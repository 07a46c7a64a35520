namespace Marketplace.Features.Accounts;

/// <summary>A new account was stored; its confirmation mail follows.</summary>
public sealed record AccountRegistered(Guid UserId, string BaseUrl);

/// <summary>Someone asked for the confirmation mail again. Published for any email, so the answer reveals nothing.</summary>
public sealed record ConfirmationEmailRequested(string Email, string BaseUrl);

/// <summary>Someone asked for a password reset. Published for any email, so the answer reveals nothing.</summary>
public sealed record PasswordResetRequested(string Email, string BaseUrl);

/// <summary>Someone tried to sign up with the email of an existing account; its owner is told.</summary>
public sealed record SignUpAttemptedOnExistingAccount(string Email, string BaseUrl);

/// <summary>Repeated failed sign-ins locked the account; its owner is told.</summary>
public sealed record AccountLockedOut(Guid UserId, DateTimeOffset Until, string BaseUrl);

/// <summary>
/// A person deleted their account. The account becomes an anonymous tombstone ("Deleted user"); features react:
/// a seller's shop is closed and its products unpublished, forum posts stay under "Deleted user", and buyers of the
/// shop keep their downloads.
/// </summary>
public sealed record AccountDeleted(Guid UserId, DateTimeOffset DeletedAt);

/// <summary>A member changed their display name; features that copied it (forum posts) read the current one from the account.</summary>
public sealed record DisplayNameChanged(Guid UserId);
