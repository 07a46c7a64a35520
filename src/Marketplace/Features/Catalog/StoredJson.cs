namespace Marketplace.Features.Catalog;

/// <summary>
/// JSON kept ready to serve (a catalog row's UTF-8 bytes), written as it is: no copy, no re-encoding.
/// (<c>TypedResults.Text</c> would copy the bytes once more.)
/// </summary>
public sealed class StoredJson(byte[] utf8) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = utf8.Length;
        return response.Body.WriteAsync(utf8, httpContext.RequestAborted).AsTask();
    }
}
