using System.Text;
using JasperFx.Core;
using Marketplace.Infrastructure.Web;
using Wolverine.Persistence.Durability;
using Wolverine.Persistence.Durability.DeadLetterManagement;
using Wolverine.Runtime;

namespace Marketplace.Features.Messaging;

/// <summary>
/// Messages of any kind that exhausted their retries and wait in Wolverine's dead-letter store: listed for admins,
/// and replayed (handled again) once the cause is fixed. Handlers are idempotent, so a replay is always safe.
/// </summary>
public static class DeadLetters
{
    private const int SummaryLength = 300;

    public sealed record Item(Guid Id, string MessageType, string? Subject, string ExceptionType, string ExceptionMessage, DateTimeOffset SentAt, bool Replaying)
    {
        public static Item Of(DeadLetterEnvelope letter) => new(
            letter.Id, letter.MessageType, SubjectOf(letter), letter.ExceptionType, letter.ExceptionMessage, letter.SentAt, letter.Replayable);
    }

    public sealed record Page(IReadOnlyList<Item> Items, int Total, int PageNumber, int PageSize);

    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapGet("/dead-letters", ListAsync).WithName("ListDeadLetters")
            .WithSummary("Messages that failed every retry, newest first; filter by `messageType` (its full name).");
        admin.MapPost("/dead-letters/{id:guid}/replay", ReplayAsync).WithName("ReplayDeadLetter")
            .WithSummary("Hands the message to its handler again (202); it leaves the list once it is picked up.");
    }

    public static async Task<IResult> ListAsync(IWolverineRuntime runtime, string? messageType, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await QueryAsync(runtime, messageType, page ?? 1, pageSize ?? 50, ct));

    public static async Task<Page> QueryAsync(IWolverineRuntime runtime, string? messageType, int page, int pageSize, CancellationToken ct)
    {
        var query = new DeadLetterEnvelopeQuery(TimeRange.AllTime())
        {
            PageNumber = Paging.Number(page),
            PageSize = Paging.Size(pageSize, 50, 200),
            MessageType = string.IsNullOrWhiteSpace(messageType) ? null : messageType,
        };
        var results = await runtime.Storage.DeadLetters.QueryAsync(query, ct);
        return new Page([.. results.Envelopes.OrderByDescending(letter => letter.SentAt).Select(Item.Of)], results.TotalCount, query.PageNumber, query.PageSize);
    }

    public static async Task<IResult> ReplayAsync(Guid id, IWolverineRuntime runtime, CancellationToken ct) =>
        await ReplayCoreAsync(id, runtime, ct)
            ? TypedResults.Accepted((string?)null)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound, title: "No such dead letter.");

    public static async Task<bool> ReplayCoreAsync(Guid id, IWolverineRuntime runtime, CancellationToken ct)
    {
        if (await runtime.Storage.DeadLetters.DeadLetterEnvelopeByIdAsync(id) is null)
        {
            return false;
        }

        await runtime.Storage.DeadLetters.ReplayAsync(new DeadLetterEnvelopeQuery([id]), ct);
        return true;
    }

    /// <summary>The message itself (its JSON, cut short), for a person deciding whether to replay it.</summary>
    private static string? SubjectOf(DeadLetterEnvelope letter)
    {
        if (letter.Envelope.Data is not { Length: > 0 } data)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(data);
        return text.Length > SummaryLength ? text[..SummaryLength] + "…" : text;
    }
}
