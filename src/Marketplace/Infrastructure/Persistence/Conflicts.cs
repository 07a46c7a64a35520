using JasperFx;

namespace Marketplace.Infrastructure.Persistence;

public static class Conflicts
{
    /// <summary>
    /// A Marten optimistic-concurrency failure: a write based on a copy someone else changed first. Marten reports
    /// several at once as an <see cref="AggregateException"/>.
    /// </summary>
    public static bool IsConcurrencyConflict(this Exception exception) => exception switch
    {
        ConcurrencyException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsConcurrencyConflict),
        _ => false,
    };

    /// <summary>A unique index refused the write: the document or the value it must not share already exists.</summary>
    public static bool IsUniqueViolation(this Exception exception) =>
        exception is DocumentAlreadyExistsException ||
        exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } ||
        exception is Marten.Exceptions.MartenCommandException { InnerException: Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } };
}
