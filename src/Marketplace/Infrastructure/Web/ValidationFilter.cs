using FluentValidation;

namespace Marketplace.Infrastructure.Web;

/// <summary>
/// Validates the endpoint's <typeparamref name="TRequest"/> argument with its FluentValidation validator and answers
/// 400 with every failing field at once, before the handler (and so any change) runs. A valid request then counts
/// against the endpoint's <see cref="CountedOnceValidAttribute"/> policy, if it has one.
/// </summary>
public sealed class ValidationFilter<TRequest> : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.Arguments.OfType<TRequest>().FirstOrDefault();
        if (request is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The request body is missing.",
                type: ProblemTypes.BadRequest);
        }

        var validator = context.HttpContext.RequestServices.GetRequiredService<IValidator<TRequest>>();
        var result = await validator.ValidateAsync(request, context.HttpContext.RequestAborted);
        if (result.IsValid)
        {
            return CountedOnceValidAttribute.Refusal(context.HttpContext) ?? await next(context);
        }

        var errors = result.Errors
            .GroupBy(failure => ToCamelCase(failure.PropertyName))
            .ToDictionary(group => group.Key, group => group.Select(failure => failure.ErrorMessage).Distinct().ToArray());
        return ValidationProblems.Of(errors);
    }

    private static string ToCamelCase(string name) =>
        string.Join('.', name.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}

public static class ValidationFilterExtensions
{
    /// <summary>Validates the request body of this endpoint; documents the 400 in OpenAPI.</summary>
    public static RouteHandlerBuilder Validate<TRequest>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<ValidationFilter<TRequest>>().ProducesValidationProblem();
}
