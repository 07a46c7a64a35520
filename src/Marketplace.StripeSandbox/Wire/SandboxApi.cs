using System.Text.Json.Nodes;
using JasperFx;
using Marketplace.StripeSandbox.Connect;
using Marten;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.StripeSandbox.Wire;

/// <summary>An operation of the sandbox's Stripe API: reads the request, changes state through its transaction, returns the object.</summary>
public delegate Task<JsonObject> StripeOperation(SandboxApiRequest request);

/// <summary>
/// Maps operations with Stripe's wire behaviour around them: the sandbox's API key (<c>Authorization: Bearer</c>, or
/// Basic with the key as user name as <c>curl -u</c> sends it), the <c>Stripe-Account</c> header, form or query
/// parameters, <c>Idempotency-Key</c> replays, one transaction per call (a Wolverine handler's), JSON answers and Stripe's
/// error format.
/// </summary>
[WolverineHandler]
public static class SandboxApi
{
    public static IEndpointConventionBuilder MapStripeGet(this IEndpointRouteBuilder api, string pattern, StripeOperation operation) =>
        api.MapGet(pattern, (HttpContext http) => RunAsync(http, operation, pattern));

    public static IEndpointConventionBuilder MapStripePost(this IEndpointRouteBuilder api, string pattern, StripeOperation operation) =>
        api.MapPost(pattern, (HttpContext http) => RunAsync(http, operation, pattern));

    public static IEndpointConventionBuilder MapStripeDelete(this IEndpointRouteBuilder api, string pattern, StripeOperation operation) =>
        api.MapDelete(pattern, (HttpContext http) => RunAsync(http, operation, pattern));

    /// <summary>Stripe's answer to a path it does not serve.</summary>
    public static void MapUnrecognized(this IEndpointRouteBuilder api) =>
        api.Map("/{**path}", (HttpContext http) => RunAsync(http, request => throw new StripeApiException(
            StatusCodes.Status404NotFound, $"Unrecognized request URL ({request.Http.Request.Method}: /v1/{request.Route("path")})."), pattern: null));

    private static async Task RunAsync(HttpContext http, StripeOperation operation, string? pattern)
    {
        var requestId = SandboxIds.New("req", 14);
        http.Response.Headers["Request-Id"] = requestId;
        var services = http.RequestServices;
        var session = services.GetRequiredService<IDocumentSession>();
        string? idempotencyId = null;
        try
        {
            SandboxApiKey.Require(http.Request, services.GetRequiredService<SandboxSettings>().ApiKey);
            var form = await StripeForm.ReadAsync(http.Request);
            if (pattern is not null)
            {
                StripeSpec.Instance.Check(http.Request.Method, $"/v1{pattern}", form);
            }

            var account = http.Request.Headers["Stripe-Account"].ToString() is { Length: > 0 } header ? header : null;
            if (account is not null && await session.LoadAsync<SandboxAccount>(account, http.RequestAborted) is null or { Deauthorized: true })
            {
                throw new StripeApiException(StatusCodes.Status403Forbidden,
                    $"The provided key does not have access to account '{account}' (or that account does not exist). Application access may have been revoked.",
                    "account_invalid");
            }

            var key = HttpMethods.IsPost(http.Request.Method) ? http.Request.Headers["Idempotency-Key"].ToString() : "";
            var fingerprint = IdempotentResponse.FingerprintOf(http.Request, form);
            if (key.Length > 0)
            {
                idempotencyId = IdempotentResponse.IdFor(account, key);
                if (await session.LoadAsync<IdempotentResponse>(idempotencyId, http.RequestAborted) is { } stored)
                {
                    await ReplayAsync(http, stored, fingerprint, key);
                    return;
                }
            }

            var call = new Call(operation, http, form, account, requestId, key.Length > 0 ? key : null, idempotencyId, fingerprint);
            var answered = await services.GetRequiredService<IMessageBus>().InvokeAsync<Answered>(call, http.RequestAborted, SandboxTransaction.InvokeTimeout);
            if (answered.Replay is { } replay)
            {
                await ReplayAsync(http, replay, fingerprint, key);
                return;
            }

            await WriteAsync(http, StatusCodes.Status200OK, answered.Body);
        }
        catch (StripeApiException e)
        {
            await WriteAsync(http, e.Status, e.ToJson().ToJsonString());
        }
        catch (Exception e) when (idempotencyId is not null && IsDuplicate(e))
        {
            // A concurrent request with the same key committed first: answer what it answered.
            await using var query = services.GetRequiredService<IDocumentStore>().QuerySession();
            var stored = await query.LoadAsync<IdempotentResponse>(idempotencyId, http.RequestAborted);
            await ReplayAsync(http, stored!, stored!.Fingerprint, idempotencyId);
        }
        catch (Exception e) when (e.IsConcurrencyConflict())
        {
            http.Response.Headers["Stripe-Should-Retry"] = "true";
            var conflict = new StripeApiException(StatusCodes.Status409Conflict,
                "This object cannot be accessed right now because another API request or Stripe process is currently accessing it.", "lock_timeout");
            await WriteAsync(http, conflict.Status, conflict.ToJson().ToJsonString());
        }
    }

    /// <summary>One call, checked and read at the edge; its operation runs in <see cref="HandleAsync"/>.</summary>
    public sealed record Call(
        StripeOperation Operation, HttpContext Http, StripeForm Form, string? Account, string RequestId, string? IdempotencyKey,
        string? IdempotencyId, string Fingerprint)
    {
        /// <summary>What Wolverine logs of a failed call (a refusal is one): the request, not its form or context.</summary>
        public override string ToString() => $"Stripe API {Http.Request.Method} {Http.Request.Path} ({RequestId})";
    }

    /// <summary>The JSON answer of a call that changed state, or the stored answer of the same key to replay.</summary>
    public sealed record Answered(string Body, IdempotentResponse? Replay = null);

    /// <summary>
    /// Runs the operation in Wolverine's transaction: the change, its events' deliveries and the stored idempotent answer
    /// commit together. A <see cref="StripeApiException"/> commits nothing and reaches the edge, which answers it.
    /// </summary>
    public static async Task<Answered> HandleAsync(Call call, IDocumentSession session, IMessageContext messages, TimeProvider clock)
    {
        // A concurrent call with the same key may have committed first (this one waited for it, or is a retry after losing
        // the race to it): then its answer is this one's too, even when this one now finds the object changed by it.
        if (await StoredAnswerAsync(call, session) is { } stored)
        {
            return stored;
        }

        var transaction = await SandboxTransaction.BeginAsync(session, messages, clock, call.Http.RequestAborted, call.RequestId, call.IdempotencyKey);
        JsonObject result;
        try
        {
            result = await call.Operation(new SandboxApiRequest(call.Http, call.Form, call.Account, transaction));
        }
        catch (StripeApiException)
        {
            if (await StoredAnswerAsync(call, session) is { } replay)
            {
                return replay;
            }

            throw;
        }

        await SandboxExpansion.ApplyAsync(result, call.Form.Strings("expand"), session, call.Http.RequestAborted);
        var body = result.ToJsonString();
        if (call.IdempotencyId is not null)
        {
            session.Insert(new IdempotentResponse
            {
                Id = call.IdempotencyId, Fingerprint = call.Fingerprint, Status = StatusCodes.Status200OK, Body = body, CreatedAt = transaction.Now,
            });
        }

        return new Answered(body);
    }

    private static async Task<Answered?> StoredAnswerAsync(Call call, IDocumentSession session) =>
        call.IdempotencyId is not null && await session.LoadAsync<IdempotentResponse>(call.IdempotencyId, call.Http.RequestAborted) is { } stored
            ? new Answered(stored.Body, stored)
            : null;

    private static async Task ReplayAsync(HttpContext http, IdempotentResponse stored, string fingerprint, string key)
    {
        if (stored.Fingerprint != fingerprint)
        {
            var reused = new StripeApiException(StatusCodes.Status400BadRequest,
                $"Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}' if you meant to execute a different request.",
                type: "idempotency_error");
            await WriteAsync(http, reused.Status, reused.ToJson().ToJsonString());
            return;
        }

        http.Response.Headers["Idempotent-Replayed"] = "true";
        await WriteAsync(http, stored.Status, stored.Body);
    }

    private static bool IsDuplicate(Exception e) =>
        e is DocumentAlreadyExistsException || e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation };

    private static async Task WriteAsync(HttpContext http, int status, string json)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(json, http.RequestAborted);
    }
}
