using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Marketplace.Pages.Shared;

/// <summary>
/// Ties each field's error message to its input for assistive technology: the message gets an id, and an input
/// with errors gets <c>aria-invalid</c> and <c>aria-describedby</c> pointing at it (after any hint it already names).
/// </summary>
[HtmlTargetElement("input", Attributes = ForAttribute)]
[HtmlTargetElement("textarea", Attributes = ForAttribute)]
[HtmlTargetElement("span", Attributes = ValidationForAttribute)]
public sealed class FieldErrorTagHelper : TagHelper
{
    private const string ForAttribute = "asp-for";
    private const string ValidationForAttribute = "asp-validation-for";

    [HtmlAttributeName(ForAttribute)]
    public ModelExpression? For { get; set; }

    [HtmlAttributeName(ValidationForAttribute)]
    public ModelExpression? ValidationFor { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (ValidationFor is not null)
        {
            output.Attributes.SetAttribute("id", ErrorId(ValidationFor));
            return;
        }

        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For!.Name);
        if (ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0)
        {
            var hint = output.Attributes.TryGetAttribute("aria-describedby", out var existing) ? $"{existing.Value} " : "";
            output.Attributes.SetAttribute("aria-invalid", "true");
            output.Attributes.SetAttribute("aria-describedby", hint + ErrorId(For));
        }
    }

    private string ErrorId(ModelExpression field) =>
        TagBuilder.CreateSanitizedId(ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(field.Name), "_") + "-error";
}
