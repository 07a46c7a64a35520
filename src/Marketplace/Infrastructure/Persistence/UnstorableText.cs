using Npgsql;

namespace Marketplace.Infrastructure.Persistence;

public static class UnstorableText
{
    /// <summary>
    /// PostgreSQL refused a value the client sent: a character its encoding cannot hold (22021, 22P05: NUL, a lone
    /// surrogate in JSON) or a value past one of its limits (54000: a search vector or index entry too long). The
    /// request's fault, so a 400; the validators keep such text out, this is the net under them.
    /// </summary>
    public static bool IsUnstorableText(this Exception exception) => exception switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UntranslatableCharacter or PostgresErrorCodes.CharacterNotInRepertoire
            or PostgresErrorCodes.ProgramLimitExceeded } => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsUnstorableText),
        { InnerException: { } inner } => inner.IsUnstorableText(),
        _ => false,
    };
}
