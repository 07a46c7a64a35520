using FluentValidation;

namespace Marketplace.StripeSandbox.Control;

/// <summary>
/// Validates a control request with its FluentValidation validator and answers 400 with every failing field at once
/// (camelCase, under <c>errors</c>), before the handler runs.
/// </summary>
public sealed class ControlValidation<TRequest> : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.Arguments.OfType<TRequest>().FirstOrDefault();
        if (request is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest, title: "The request body is missing.", type: ControlProblemTypes.BadRequest);
        }

        var validator = context.HttpContext.RequestServices.GetRequiredService<IValidator<TRequest>>();
        var result = await validator.ValidateAsync(request, context.HttpContext.RequestAborted);
        if (result.IsValid)
        {
            return await next(context);
        }

        var errors = result.Errors
            .GroupBy(failure => ToCamelCase(failure.PropertyName))
            .ToDictionary(group => group.Key, group => group.Select(failure => failure.ErrorMessage).Distinct().ToArray());
        return TypedResults.ValidationProblem(errors, title: "The request is not valid.", type: ControlProblemTypes.Validation);
    }

    private static string ToCamelCase(string name) =>
        string.Join('.', name.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}

public static class ControlValidationExtensions
{
    /// <summary>Validates the request body of this control endpoint.</summary>
    public static RouteHandlerBuilder Validate<TRequest>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<ControlValidation<TRequest>>();
}
