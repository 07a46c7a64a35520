using FluentValidation;
using FluentValidation.Results;

namespace Marketplace.Infrastructure.Validation;

/// <summary>
/// Wraps every request validator of the app: after the use case's own rules, each string of the request is checked
/// by <see cref="RequestText"/>. The validation filter of the API and the pages' forms both resolve validators, so no
/// endpoint or page can forget the check.
/// </summary>
public sealed class SafeTextValidator<T>(IValidator<T> inner) : IValidator<T>
{
    public ValidationResult Validate(T instance) => WithTextProblems(inner.Validate(instance), instance);

    public async Task<ValidationResult> ValidateAsync(T instance, CancellationToken cancellation = default) =>
        WithTextProblems(await inner.ValidateAsync(instance, cancellation), instance);

    public ValidationResult Validate(IValidationContext context) =>
        WithTextProblems(inner.Validate(context), context.InstanceToValidate);

    public async Task<ValidationResult> ValidateAsync(IValidationContext context, CancellationToken cancellation = default) =>
        WithTextProblems(await inner.ValidateAsync(context, cancellation), context.InstanceToValidate);

    public IValidatorDescriptor CreateDescriptor() => inner.CreateDescriptor();

    public bool CanValidateInstancesOfType(Type type) => inner.CanValidateInstancesOfType(type);

    private static ValidationResult WithTextProblems(ValidationResult result, object? instance)
    {
        foreach (var (field, message) in RequestText.Problems(instance))
        {
            // The character rule comes first for its field: the other rules' messages would not say what is wrong.
            result.Errors.RemoveAll(failure => failure.PropertyName == field);
            result.Errors.Add(new ValidationFailure(field, message));
        }

        return result;
    }
}

public static class SafeTextValidation
{
    /// <summary>Wraps each registered <c>IValidator&lt;T&gt;</c> in a <see cref="SafeTextValidator{T}"/>.</summary>
    public static IServiceCollection AddSafeTextValidation(this IServiceCollection services)
    {
        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType is not { IsGenericType: true } service || service.GetGenericTypeDefinition() != typeof(IValidator<>) ||
                descriptor.ImplementationType is not { } implementation)
            {
                continue;
            }

            var decorator = typeof(SafeTextValidator<>).MakeGenericType(service.GetGenericArguments());
            services[i] = new ServiceDescriptor(
                service,
                provider => Activator.CreateInstance(decorator, ActivatorUtilities.CreateInstance(provider, implementation))!,
                descriptor.Lifetime);
        }

        return services;
    }
}
