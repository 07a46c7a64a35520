using System.Linq.Expressions;
using System.Text.Json.Nodes;
using Marten;

namespace Marketplace.StripeSandbox.Wire;

/// <summary>
/// Stripe's list semantics, once for every <c>GET /v1/...</c> list: the caller's account only (the <c>Stripe-Account</c>
/// header, or the platform), newest first, <c>limit</c> (1-100, default 10), one of <c>starting_after</c> (older than
/// that object) or <c>ending_before</c> (newer), <c>has_more</c> in the direction paged, the <c>created</c> filter
/// (<c>created=t</c> or <c>created[gt|gte|lt|lte]</c>) and the endpoint's own <see cref="StripeListFilters{T}"/>.
/// A parameter Stripe knows but the sandbox does not emulate is refused rather than quietly ignored.
/// </summary>
public static class StripeList
{
    private static readonly System.Reflection.MethodInfo CompareTo = typeof(string).GetMethod(nameof(string.CompareTo), [typeof(string)])!;

    /// <summary>What every list takes besides its filters (<c>created</c> only where Stripe's description has it).</summary>
    public static readonly IReadOnlyList<string> PagingParameters = ["created", "ending_before", "limit", "starting_after"];

    private static readonly string[] Paging = [.. PagingParameters, "expand"];

    public static Task<JsonObject> PageAsync<T>(
        SandboxApiRequest request, string url, string resource, StripeListFilters<T> filters, Func<T, JsonObject> render) where T : class, ISandboxListed =>
        PageAsync(request, url, resource, filters, item => Task.FromResult(render(item)));

    public static async Task<JsonObject> PageAsync<T>(
        SandboxApiRequest request, string url, string resource, StripeListFilters<T> filters, Func<T, Task<JsonObject>> render)
        where T : class, ISandboxListed
    {
        var form = request.Form;
        RefuseUnemulated(request, filters.Names);
        var session = request.Transaction.Session;
        var ct = request.Http.RequestAborted;
        var account = request.StripeAccount;
        var query = session.Query<T>().Where(Compare<T, string?>(nameof(ISandboxListed.Account), ExpressionType.Equal, account));
        var matchesNothing = false;
        foreach (var condition in filters.Conditions(form))
        {
            matchesNothing |= condition is null;
            query = condition is null ? query : query.Where(condition);
        }

        foreach (var condition in CreatedConditions<T>(form))
        {
            query = query.Where(condition);
        }

        var (after, before) = Cursors(form);
        var cursorId = after ?? before;
        var cursor = cursorId is null ? null : await session.LoadAsync<T>(cursorId, ct);
        if (cursorId is not null && (cursor is null || cursor.Account != account))
        {
            throw StripeApiException.NoSuch(resource, cursorId, after is not null ? "starting_after" : "ending_before");
        }

        var limit = request.Limit;
        if (matchesNothing)
        {
            return StripeJson.List(url, []);
        }

        var forward = before is null;
        if (cursor is not null)
        {
            query = query.Where(Beyond<T>(cursor, older: forward));
        }

        var ordered = forward
            ? query.OrderByDescending(Member<T, DateTimeOffset>(nameof(ISandboxListed.CreatedAt))).ThenByDescending(Member<T, string>(nameof(ISandboxListed.Id)))
            : query.OrderBy(Member<T, DateTimeOffset>(nameof(ISandboxListed.CreatedAt))).ThenBy(Member<T, string>(nameof(ISandboxListed.Id)));
        var found = await ordered.Take(limit + 1).ToListAsync(ct);
        var page = forward ? found.Take(limit) : found.Take(limit).Reverse();
        var data = new List<JsonNode>();
        foreach (var item in page)
        {
            data.Add(await render(item));
        }

        return StripeJson.List(url, data, hasMore: found.Count > limit);
    }

    /// <summary>A list the sandbox keeps inside one document (a transfer's reversals), already newest first.</summary>
    public static JsonObject Page<T>(SandboxApiRequest request, string url, string resource, IReadOnlyList<T> newestFirst, Func<T, string> idOf, Func<T, JsonObject> render)
    {
        RefuseUnemulated(request, []);
        var (after, before) = Cursors(request.Form);
        var cursorId = after ?? before;
        var index = cursorId is null ? -1 : newestFirst.Select(idOf).ToList().IndexOf(cursorId);
        if (cursorId is not null && index < 0)
        {
            throw StripeApiException.NoSuch(resource, cursorId, after is not null ? "starting_after" : "ending_before");
        }

        var limit = request.Limit;
        var (start, end) = before is null ? (index + 1, Math.Min(index + 1 + limit, newestFirst.Count)) : (Math.Max(index - limit, 0), index);
        var hasMore = before is null ? end < newestFirst.Count : start > 0;
        return StripeJson.List(url, newestFirst.Skip(start).Take(end - start).Select(item => (JsonNode)render(item)), hasMore);
    }

    private static (string? After, string? Before) Cursors(StripeForm form)
    {
        var after = form.String("starting_after") is { Length: > 0 } a ? a : null;
        var before = form.String("ending_before") is { Length: > 0 } b ? b : null;
        return after is not null && before is not null
            ? throw new StripeApiException(StatusCodes.Status400BadRequest, "You may only specify one of these parameters: ending_before, starting_after.")
            : (after, before);
    }

    private static void RefuseUnemulated(SandboxApiRequest request, IReadOnlyCollection<string> filters)
    {
        if (request.Form.Tree.Keys.FirstOrDefault(name => !Paging.Contains(name) && !filters.Contains(name)) is { } name)
        {
            throw new StripeApiException(StatusCodes.Status400BadRequest,
                $"The Stripe sandbox does not emulate the parameter {name} of GET {request.Http.Request.Path.Value?.Replace(StripeSandboxHosting.PathPrefix, "", StringComparison.Ordinal)}: it would be ignored, so it is refused.",
                param: name);
        }
    }

    /// <summary>Objects after the cursor in the list's order: older (created before it, or at the same instant with a smaller id), or newer.</summary>
    private static Expression<Func<T, bool>> Beyond<T>(T cursor, bool older) where T : ISandboxListed
    {
        var item = Expression.Parameter(typeof(T), "item");
        var createdAt = Expression.Property(item, nameof(ISandboxListed.CreatedAt));
        var at = Expression.Constant(cursor.CreatedAt);
        var idOrder = Expression.Call(Expression.Property(item, nameof(ISandboxListed.Id)), CompareTo, Expression.Constant(cursor.Id));
        var body = older
            ? Expression.OrElse(Expression.LessThan(createdAt, at), Expression.AndAlso(Expression.Equal(createdAt, at), Expression.LessThan(idOrder, Expression.Constant(0))))
            : Expression.OrElse(Expression.GreaterThan(createdAt, at), Expression.AndAlso(Expression.Equal(createdAt, at), Expression.GreaterThan(idOrder, Expression.Constant(0))));
        return Expression.Lambda<Func<T, bool>>(body, item);
    }

    /// <summary><c>created=t</c> is the second t; <c>created[gt]=t</c> starts at the next second; <c>lte</c> ends with it.</summary>
    private static IEnumerable<Expression<Func<T, bool>>> CreatedConditions<T>(StripeForm form)
    {
        if (!form.Has("created"))
        {
            yield break;
        }

        var bounds = form.Tree["created"] is string
            ? [("gte", form.RequiredLong("created")), ("lte", form.RequiredLong("created"))]
            : new[] { "gt", "gte", "lt", "lte" }.Where(op => form.Has("created", op)).Select(op => (op, form.RequiredLong("created", op)));
        foreach (var (op, seconds) in bounds)
        {
            var (type, second) = op switch
            {
                "gt" => (ExpressionType.GreaterThanOrEqual, seconds + 1),
                "gte" => (ExpressionType.GreaterThanOrEqual, seconds),
                "lt" => (ExpressionType.LessThan, seconds),
                _ => (ExpressionType.LessThan, seconds + 1),
            };
            yield return Compare<T, DateTimeOffset>(nameof(ISandboxListed.CreatedAt), type, DateTimeOffset.FromUnixTimeSeconds(second));
        }
    }

    private static Expression<Func<T, bool>> Compare<T, TValue>(string property, ExpressionType type, TValue value)
    {
        var item = Expression.Parameter(typeof(T), "item");
        return Expression.Lambda<Func<T, bool>>(Expression.MakeBinary(type, Expression.Property(item, property), Expression.Constant(value, typeof(TValue))), item);
    }

    /// <summary>The document's own property, not the interface's, so Marten finds its column.</summary>
    private static Expression<Func<T, TValue>> Member<T, TValue>(string property)
    {
        var item = Expression.Parameter(typeof(T), "item");
        return Expression.Lambda<Func<T, TValue>>(Expression.Property(item, property), item);
    }
}
