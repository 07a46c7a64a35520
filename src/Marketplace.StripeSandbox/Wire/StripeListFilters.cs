using System.Linq.Expressions;

namespace Marketplace.StripeSandbox.Wire;

/// <summary>The filters one list endpoint emulates: each a query parameter and the condition it puts on the documents.</summary>
public sealed class StripeListFilters<T>
{
    private readonly Dictionary<string, Func<StripeForm, Expression<Func<T, bool>>?>> _filters = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => _filters.Keys;

    /// <summary>A filter of its own; a null condition means no object can match.</summary>
    public StripeListFilters<T> Add(string parameter, Func<StripeForm, Expression<Func<T, bool>>?> condition)
    {
        _filters[parameter] = condition;
        return this;
    }

    /// <summary><c>parameter=value</c> keeps the objects whose field equals the value.</summary>
    public StripeListFilters<T> Equal(string parameter, Expression<Func<T, string?>> field) =>
        Add(parameter, form => Equals(field, form.Required(parameter)));

    /// <summary><c>parameter[]=a&amp;parameter[]=b</c> keeps the objects whose field is one of the values.</summary>
    public StripeListFilters<T> OneOf(string parameter, Expression<Func<T, string?>> field) => Add(parameter, form =>
        Expression.Lambda<Func<T, bool>>(
            Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], Expression.Constant(form.Strings(parameter).ToArray()), field.Body),
            field.Parameters));

    /// <summary>A filter on something the sandbox never records (customers, payment links): nothing matches it.</summary>
    public StripeListFilters<T> MatchesNothing(string parameter) => Add(parameter, _ => null);

    public static Expression<Func<T, bool>> Equals(Expression<Func<T, string?>> field, string? value) =>
        Expression.Lambda<Func<T, bool>>(Expression.Equal(field.Body, Expression.Constant(value, typeof(string))), field.Parameters);

    /// <summary>The conditions of the filters sent.</summary>
    internal IEnumerable<Expression<Func<T, bool>>?> Conditions(StripeForm form) =>
        _filters.Where(filter => form.Has(filter.Key)).Select(filter => filter.Value(form));
}
