using Marketplace.Tests.Infrastructure.Files;

namespace Marketplace.Tests.Security;

/// <summary>
/// What each cell of a row acts on, when the shared world would not survive it: a delete, a suspension, a takedown or a
/// lock run by one caller would change what the next caller (or the next row) meets. Such rows get a target of their
/// own, made anew after each cell that was let in (a status below 400), so no cell meets what another changed; rows acting on the caller's own account (sign out everywhere, delete, password, two-factor) get a
/// caller made for the cell alone, of the same kind (an owner's stand-in is a seller with a shop of their own). Rows
/// acting on the caller's account with a body that fails validation (password, delete, two-factor codes) change
/// nothing and need no stand-in.
/// </summary>
public enum Throwaway { None, Caller, Member, Shop, Product, Post, Thread }

/// <summary>
/// The body a route is sent (an empty JSON object when none is given; a function of the world's route values when it
/// names one of them), what it acts on, and the method to send a route that accepts any (the table's <c>*</c>; GET by default).
/// </summary>
/// <summary>A multipart upload of one file (field <c>file</c>), for the routes that accept nothing else.</summary>
public sealed record Upload(string FileName, Func<byte[]> Content)
{
    public MultipartFormDataContent Form() => new() { { new ByteArrayContent(Content()), "file", FileName } };
}

public sealed record CellRequest(object? Body = null, Throwaway Throwaway = Throwaway.None, string? Method = null);

public static class RouteAuthorizationRequests
{
    private const string Reason = "Matrix check.";

    /// <summary>
    /// Bodies valid enough to reach the handler's own checks (who owns the shop, the order, the post), so that a
    /// caller's 404 or 403 there is seen rather than hidden behind a 400 from validation; where a valid body would move
    /// money or data for good it names something that does not exist (refund line 99) and the row says 400.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, CellRequest> ByRoute = new Dictionary<string, CellRequest>
    {
        ["POST /api/shops/{shopId}/products"] = new(new { title = "Matrix", description = "A product.", price = new { amount = 500, currency = "usd" }, tags = new[] { "matrix" } }),
        ["PUT /api/products/{productId}"] = new(new { title = "Hand-drawn Icons", description = "Two hundred icons.", price = new { amount = 1500, currency = "usd" }, tags = new[] { "icons" } }),
        ["PUT /api/shops/{shopId}"] = new(new { name = "Glyph Foundry", description = "Fonts for people who read." }),
        ["PUT /api/products/{productId}/files/{fileId}/settings"] = new(new { allowUnmarkedCopies = false }),
        ["POST /api/orders/{orderId}/refunds"] = new(new { lines = new[] { 99 }, reason = Reason }),
        ["POST /api/forum/threads/{threadId}/posts"] = new(new { body = "A reply from the matrix." }),
        ["PUT /api/forum/posts/{postId}"] = new(new { body = "How do I export my fonts? (edited)" }, Throwaway.Post),
        ["POST /api/forum/posts/{postId}/flags"] = new(new { reason = "spam" }, Throwaway.Post),
        ["POST /api/forum/posts/{postId}/votes"] = new(new { value = 1 }, Throwaway.Post),
        ["POST /api/moderation/posts/{postId}/hide"] = new(new { reason = Reason }, Throwaway.Post),
        ["POST /api/moderation/posts/{postId}/restore"] = new(new { reason = Reason }, Throwaway.Post),
        ["POST /api/moderation/threads/{threadId}/lock"] = new(new { reason = Reason }, Throwaway.Thread),
        ["POST /api/moderation/threads/{threadId}/unlock"] = new(new { reason = Reason }, Throwaway.Thread),
        ["POST /api/moderation/threads/{threadId}/pin"] = new(new { reason = Reason }, Throwaway.Thread),
        ["POST /api/moderation/threads/{threadId}/unpin"] = new(new { reason = Reason }, Throwaway.Thread),
        ["POST /api/moderation/threads/{threadId}/move"] = new((Func<IReadOnlyDictionary<string, string>, object>)(values => new { categoryId = values["categoryId"] }), Throwaway.Thread),
        ["POST /api/moderation/users/{userId}/suspend"] = new(new { until = DateTimeOffset.UtcNow.AddDays(7), reason = Reason }, Throwaway.Member),
        ["POST /api/moderation/users/{userId}/unsuspend"] = new(new { reason = Reason }, Throwaway.Member),
        ["POST /api/moderation/users/{userId}/trust"] = new(new { level = 2, reason = Reason }, Throwaway.Member),
        ["POST /api/admin/users/{userId}/moderator"] = new(null, Throwaway.Member),
        ["DELETE /api/admin/users/{userId}/moderator"] = new(null, Throwaway.Member),
        ["POST /api/admin/shops/{shopId}/suspend"] = new(new { reason = Reason }, Throwaway.Shop),
        // Version 0: no admin changed these fees before in the matrix's world.
        ["PUT /api/admin/fees"] = new(new { basisPoints = 900, @fixed = 25, version = 0 }),
        ["PUT /api/admin/shops/{shopId}/fee"] = new(new { basisPoints = 500, @fixed = 0, version = 0 }),
        ["POST /api/admin/shops/{shopId}/reinstate"] = new(new { reason = Reason }, Throwaway.Shop),
        ["POST /api/moderation/products/{productId}/takedown"] = new(new { reason = Reason }, Throwaway.Product),
        ["POST /api/moderation/products/{productId}/restore"] = new(new { reason = Reason }, Throwaway.Product),
        ["POST /api/products/{productId}/unpublish"] = new(null, Throwaway.Product),
        ["DELETE /api/products/{productId}/files/{fileId}"] = new(null, Throwaway.Product),
        ["DELETE /api/products/{productId}/cover"] = new(null, Throwaway.Product),
        ["POST /api/account/sign-out-everywhere"] = new(null, Throwaway.Caller),
        ["POST /api/account/2fa/setup"] = new(null, Throwaway.Caller),
        ["POST /api/auth/logout"] = new(null, Throwaway.Caller),
        // Uploads: routing answers 415 to anything but multipart before authorization runs, so a JSON body would test no door.
        ["POST /api/products/{productId}/files"] = new(new Upload("icons.zip", HostileFiles.SmallZip), Throwaway.Product),
        ["PUT /api/products/{productId}/files/{fileId}"] = new(new Upload("icons.zip", HostileFiles.SmallZip), Throwaway.Product),
        ["POST /api/products/{productId}/cover"] = new(new Upload("cover.png", () => HostileImages.Png()), Throwaway.Product),
        ["POST /api/shops/{shopId}/logo"] = new(new Upload("logo.png", () => HostileImages.Png())),
        ["POST /api/forensics/trace"] = new(new Upload("leak.zip", HostileFiles.SmallZip)),
        ["* /hubs/forum/negotiate"] = new(Method: "POST"),
    };

    public static CellRequest For(string key) => ByRoute.TryGetValue(key, out var request) ? request : new CellRequest();
}
