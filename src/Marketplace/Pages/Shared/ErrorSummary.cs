using Marketplace.Infrastructure.Validation;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Marketplace.Pages.Shared;

/// <summary>
/// What the layout's error summary says after a form was sent back with errors: the messages that belong to no one
/// field, then each field with an error, named in words and linked to its input (whose own message sits beside it,
/// tied to it by <c>aria-describedby</c>, see <see cref="FieldErrorTagHelper"/>).
/// </summary>
public sealed record ErrorSummary(IReadOnlyList<string> Messages, IReadOnlyList<ErrorSummary.Field> Fields)
{
    public sealed record Field(string InputId, string Name);

    /// <summary>Set (true) in a page's ViewData when the page explains its errors in a notice of its own instead.</summary>
    public const string OwnNoticeKey = "errorSummary.ownNotice";

    /// <summary>The summary of a posted form's errors, or null when there are none (or nothing was posted).</summary>
    public static ErrorSummary? Of(HttpRequest request, ViewDataDictionary viewData)
    {
        var modelState = viewData.ModelState;
        if (HttpMethods.IsGet(request.Method) || modelState.IsValid || viewData[OwnNoticeKey] is true)
        {
            return null;
        }

        var messages = new List<string>();
        var fields = new List<Field>();
        foreach (var (key, entry) in modelState.Where(e => e.Value is { Errors.Count: > 0 }))
        {
            if (key.Length == 0)
            {
                messages.AddRange(entry!.Errors.Select(e => e.ErrorMessage).Where(m => m.Length > 0));
            }
            else
            {
                fields.Add(new Field(TagBuilder.CreateSanitizedId(key, "_"), PlainMessages.InWords(key.Split('.')[^1])));
            }
        }

        return messages.Count == 0 && fields.Count == 0 ? null : new ErrorSummary(messages, fields);
    }

    /// <summary>"Check the email." or "Check these 2 fields:", before the links.</summary>
    public string FieldsLead => Fields.Count == 1 ? "Check this field:" : $"Check these {Fields.Count} fields:";
}
