using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Features.Platform;

/// <summary>
/// <c>GET /api/dev/pages</c>: every Razor page and its route template, read from the app's endpoints. Mapped in
/// Development only; the browser tests visit each page from this list, so a new page is checked without being named.
/// </summary>
public static class ListPageRoutes
{
    public sealed record PageRoute(string Page, string Route);

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/pages", Handle)
            .WithName("ListPageRoutes")
            .WithSummary("Development only: every page (its view path) and its route template, with a leading slash.");

    public static IReadOnlyList<PageRoute> Handle(EndpointDataSource endpoints) =>
    [
        .. endpoints.Endpoints
            .OfType<RouteEndpoint>()
            .Select(endpoint => (endpoint, page: endpoint.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(found => found.page is not null)
            // Index pages answer on their folder and on /Index: the shortest template is the page's address.
            .GroupBy(found => found.page!.ViewEnginePath)
            .Select(group => new PageRoute(group.Key, "/" + group.Select(found => found.endpoint.RoutePattern.RawText ?? "").MinBy(raw => raw.Length)!.TrimStart('/')))
            .OrderBy(route => route.Route, StringComparer.Ordinal),
    ];
}
