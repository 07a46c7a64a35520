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

    /// <summary>
    /// A database failure that a later try may not meet: a connection that broke or could not be had in time (the pool
    /// exhausted, the server restarting), a deadlock or serialization failure. Not a refused write or a bad query.
    /// </summary>
    public static bool IsTransientDatabaseFailure(this Exception exception) => exception switch
    {
        Npgsql.PostgresException postgres => postgres.IsTransient,
        Npgsql.NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is TimeoutException or System.Net.Sockets.SocketException or IOException,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsTransientDatabaseFailure),
        _ => exception.InnerException?.IsTransientDatabaseFailure() == true,
    };
}
