using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FluentValidation;
using Marketplace.Infrastructure.Persistence;
using Marketplace.Infrastructure.Text;
using Marten;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Features.Accounts;

/// <summary>
/// A member's <c>@handle</c>: what others type to mention them. Unique without regard to case, and plain ASCII letters,
/// digits and underscores only, so that no two handles can look alike (no homoglyphs, no invisible characters). Every
/// account gets one when it is created, derived from its display name ("Ada Lovelace" is <c>AdaLovelace</c>, a second
/// one <c>AdaLovelace2</c>); members may change it on the account page.
/// </summary>
public static partial class MemberHandles
{
    public const int MinimumLength = 3;
    public const int MaximumLength = 30;

    /// <summary>What a derived handle is when the display name has too few ASCII letters or digits to make one.</summary>
    public const string Fallback = "member";

    /// <summary>The unique index that has the last word when two writes of one handle meet.</summary>
    public const string UniqueIndexName = "ux_user_account_handle";

    /// <summary>
    /// Handles that would pass their owner off as the marketplace, or that mean something else in a mention. Refused as
    /// the whole handle and as any of its underscore-separated parts, in any case; the longer staff words ("admin",
    /// "moderator", "official") anywhere in it.
    /// </summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(PublicNames.StaffWords, StringComparer.Ordinal)
    {
        "root", "system", "support", "help", "helpdesk", "security", "billing", "abuse", "postmaster", "webmaster", "noreply",
        "everyone", "here", "all", "channel", "null", "undefined", "none", "nobody", "anonymous", "deleted", "me", "you",
        "api", "www", "forum", "members", "account", "login", "register", "shop", "shops", "team",
    };

    public static string Normalize(string handle) => handle.ToLowerInvariant();

    /// <summary>Why <paramref name="handle"/> cannot be a handle, or null when it can (taken or not).</summary>
    public static string? Problem(string? handle) => handle switch
    {
        null or "" => "Enter a handle.",
        { Length: < MinimumLength or > MaximumLength } => $"A handle has {MinimumLength} to {MaximumLength} characters.",
        _ when !Shape().IsMatch(handle) => "A handle has only the letters a to z, digits and underscores (_), without spaces or accents.",
        _ when IsReserved(handle) => "That handle is reserved: it could pass you off as the marketplace. Choose another.",
        _ => null,
    };

    /// <summary>The Identity error of a handle another member has (<see cref="AccountResults"/> files it under <c>handle</c>).</summary>
    public static IdentityError Taken() => new() { Code = "DuplicateHandle", Description = "Another member already uses this handle. Choose another." };

    public static IRuleBuilderOptions<T, string> ValidHandle<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(handle => Problem(handle) is null).WithMessage((_, handle) => Problem(handle)!);

    private static bool IsReserved(string handle)
    {
        var lower = Normalize(handle);
        return Reserved.Contains(lower) || lower.Split('_', StringSplitOptions.RemoveEmptyEntries).Any(Reserved.Contains)
            || PublicNames.StaffWords.Any(word => word.Length >= 5 && lower.Contains(word, StringComparison.Ordinal));
    }

    /// <summary>
    /// The handle a display name suggests: its letters and digits with accents dropped and everything else left out, cut
    /// to leave room for a number; <see cref="Fallback"/> when that is too short or reserved.
    /// </summary>
    public static string Derive(string displayName)
    {
        var kept = new StringBuilder();
        foreach (var c in displayName.Normalize(NormalizationForm.FormKD))
        {
            if (char.IsAsciiLetterOrDigit(c) && kept.Length < MaximumLength - 6)
            {
                kept.Append(c);
            }
        }

        var derived = kept.ToString();
        return derived.Length < MinimumLength || IsReserved(derived) ? Fallback : derived;
    }

    /// <summary>
    /// Gives <paramref name="account"/> the handle its display name suggests, or that handle followed by the smallest
    /// number no one has. Opens the session's transaction and holds the lock of the handle's family (the handle without
    /// trailing digits) until it commits, so concurrent sign-ups with one name take turns and get different numbers.
    /// </summary>
    public static async Task AssignAsync(IDocumentSession session, UserAccount account, CancellationToken ct)
    {
        var wanted = Derive(account.DisplayName);
        await LockFamilyAsync(session, wanted, ct);
        var prefix = Normalize(wanted);
        var taken = (await session.Query<UserAccount>()
                .Where(u => u.NormalizedHandle != null && u.NormalizedHandle.StartsWith(prefix))
                .Select(u => u.NormalizedHandle!).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var handle = wanted;
        for (var n = 2; taken.Contains(Normalize(handle)); n++)
        {
            handle = wanted + n.ToString(CultureInfo.InvariantCulture);
        }

        Set(account, handle);
    }

    /// <summary>Whether another account has this handle; call it after <see cref="LockFamilyAsync"/>.</summary>
    public static Task<bool> IsTakenAsync(IQuerySession session, string handle, Guid except, CancellationToken ct)
    {
        var normalized = Normalize(handle);
        return session.Query<UserAccount>().AnyAsync(u => u.NormalizedHandle == normalized && u.Id != except, ct);
    }

    /// <summary>The member with this handle (any case), unless there is none or the account was deleted.</summary>
    public static Task<UserAccount?> FindAsync(IQuerySession session, string handle, CancellationToken ct)
    {
        var normalized = Normalize(handle);
        return session.Query<UserAccount>().FirstOrDefaultAsync(u => u.NormalizedHandle == normalized && u.DeletedAt == null, ct);
    }

    /// <summary>The lock <see cref="AssignAsync"/> takes: every write of a handle of this family waits for it.</summary>
    public static Task LockFamilyAsync(IDocumentSession session, string handle, CancellationToken ct) =>
        AdvisoryLocks.HoldAsync(session, "handle:" + Family(handle), ct);

    public static void Set(UserAccount account, string handle)
    {
        account.Handle = handle;
        account.NormalizedHandle = Normalize(handle);
    }

    /// <summary>The handle without its trailing digits: <c>ada</c>, <c>ada2</c> and <c>Ada17</c> are one family.</summary>
    private static string Family(string handle) => Normalize(handle).TrimEnd("0123456789".ToCharArray()) is { Length: > 0 } family ? family : "#digits";

    [GeneratedRegex("^[A-Za-z0-9_]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
