using Microsoft.Playwright;

namespace Marketplace.BrowserTests;

/// <summary>
/// Calls the API with the page's sign-in cookie, as the site's own scripts do: with <c>X-Requested-With</c>, without
/// which the app refuses a cookie-authenticated call that changes something (CrossSiteRequestCheck).
/// </summary>
public static class PageApi
{
    public static Task<IAPIResponse> ApiPostAsync(this IPage page, string url, APIRequestContextOptions? options = null) =>
        page.APIRequest.PostAsync(url, FromPage(options));

    public static Task<IAPIResponse> ApiPutAsync(this IPage page, string url, APIRequestContextOptions? options = null) =>
        page.APIRequest.PutAsync(url, FromPage(options));

    private static APIRequestContextOptions FromPage(APIRequestContextOptions? options)
    {
        options ??= new APIRequestContextOptions();
        options.Headers = new Dictionary<string, string>(options.Headers ?? [])
        {
            ["X-Requested-With"] = "XMLHttpRequest",
        };
        return options;
    }
}
