namespace Marketplace.Infrastructure.Web;

/// <summary>
/// Exceptions that are the client's doing (a malformed body, text the database cannot store, a lost race) and their
/// status. They are answered with a 4xx and logged at Information or Warning, in one line without a stack trace: an
/// Error in the logs means something of ours is broken.
/// </summary>
public static class ClientErrors
{
    public static int StatusOf(Exception? exception) => ErrorResponses.StatusOf(exception);

    public static bool IsClientError(Exception? exception) => StatusOf(exception) < 500;

    public static void Log(HttpContext http, Exception exception)
    {
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ClientErrors));
        var level = exception is BadHttpRequestException ? LogLevel.Information : LogLevel.Warning;
        logger.Log(level, "{Method} {Path} answered {Status}: {ExceptionType}: {Reason}", http.Request.Method, http.Request.Path,
            StatusOf(exception), exception.GetType().Name, exception.Message);
    }
}
