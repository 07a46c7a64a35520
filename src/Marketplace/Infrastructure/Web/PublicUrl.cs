namespace Marketplace.Infrastructure.Web;

/// <summary>
/// The address people reach the site at, for links in mails: <c>Site:PublicUrl</c> when set (always set it in
/// production, so a forged Host header can never steer a reset link), else the origin of the current request.
/// </summary>
public static class PublicUrl
{
    public static string Of(HttpContext context)
    {
        var configured = context.RequestServices.GetRequiredService<IConfiguration>()["Site:PublicUrl"];
        return string.IsNullOrWhiteSpace(configured)
            ? $"{context.Request.Scheme}://{context.Request.Host}"
            : configured.TrimEnd('/');
    }
}
