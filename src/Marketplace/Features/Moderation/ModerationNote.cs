using System.Text.Json;
using FluentValidation;
using Marketplace.Infrastructure.Web;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Marketplace.Features.Moderation;

/// <summary>
/// The optional body of a moderator's action, <c>{reason}</c>, kept in the audit log. Read by hand: the action also
/// takes no body at all (as the API always allowed), which minimal APIs' optional JSON body refuses with a 415.
/// </summary>
public sealed record ModerationNote(string? Reason)
{
    public const int MaxReasonLength = 500;

    /// <summary>The note (null without a body), or the problem with the body: not JSON, malformed, a bad reason.</summary>
    public static async Task<(string? Reason, IResult? Problem)> ReadAsync(HttpRequest request)
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && string.IsNullOrEmpty(request.ContentType)))
        {
            return (null, null);
        }

        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, type: ProblemTypes.UnsupportedMediaType,
                title: "Send the reason as JSON.", detail: "Use Content-Type: application/json, or send no body."));
        }

        ModerationNote? note;
        try
        {
            var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            note = await JsonSerializer.DeserializeAsync<ModerationNote>(request.Body, options, request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return (null, ValidationProblems.Field("body", "The body is not valid JSON."));
        }

        return note?.Reason switch
        {
            { Length: > MaxReasonLength } => (null, ValidationProblems.Field("reason", $"Use at most {MaxReasonLength} characters.")),
            { } reason when reason.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) => (null, ValidationProblems.Field("reason", "Remove control characters.")),
            { } reason when !string.IsNullOrWhiteSpace(reason) => (reason.Trim(), null),
            _ => (null, null),
        };
    }
}

/// <summary>The one rule for a required moderation reason: said, in words its reader reads, at most 500 characters.</summary>
public static class ModerationReasonRule
{
    public static IRuleBuilderOptions<T, string> ModerationReason<T>(this IRuleBuilder<T, string> rule, string reader) =>
        rule.NotEmpty().WithMessage($"Say why, in words the {reader} will read.").MaximumLength(ModerationNote.MaxReasonLength);
}
