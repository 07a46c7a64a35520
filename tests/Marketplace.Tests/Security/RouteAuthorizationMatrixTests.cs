using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Security;

/// <summary>
/// Every route of the app and every page, called by every kind of caller, against the status its row in
/// <see cref="RouteAuthorizationMatrix"/> says. The routes come from the app's own endpoints, so a route added without
/// a row fails here, with the row to paste. Cells run one after another in one shared world (<see cref="RouteAuthorizationTest"/>);
/// a cell that would change that world for the next one acts on a throwaway target (<see cref="RouteAuthorizationRequests"/>).
/// </summary>
public sealed partial class RouteAuthorizationMatrixTests(AppFixture fixture) : RouteAuthorizationTest(fixture)
{
    /// <summary>A route of the app as the table names it; a page is requested with GET whatever its handlers accept.</summary>
    private sealed record AppRoute(string Method, string Route, bool Page)
    {
        public string Key => Row.KeyOf(Method, Route);
    }

    [Fact]
    public void Every_route_of_the_app_has_a_row_and_every_row_a_route()
    {
        var routes = RoutesOfTheApp().Select(r => r.Key).ToHashSet();
        var rows = RouteAuthorizationMatrix.Rows;

        var withoutRow = RoutesOfTheApp().Where(r => rows.All(row => row.Key != r.Key)).Select(r => Row.Format(r.Method, r.Route, _ => 0)).ToList();
        var withoutRoute = rows.Where(row => !routes.Contains(row.Key)).Select(row => row.Key).ToList();
        var requestsWithoutRoute = RouteAuthorizationRequests.ByRoute.Keys.Where(key => !routes.Contains(key)).ToList();

        var twice = rows.GroupBy(row => row.Key).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        if (withoutRow.Count + withoutRoute.Count + requestsWithoutRoute.Count + twice.Count > 0)
        {
            Assert.Fail(string.Join("\n\n", new[]
            {
                withoutRow.Count == 0 ? "" : "Routes without a row: add these rows to RouteAuthorizationMatrix with the status each caller must get "
                    + "(Every_caller_gets_the_status_its_row_says_on_every_route prints the statuses the app gives now):\n" + string.Join('\n', withoutRow),
                withoutRoute.Count == 0 ? "" : "Rows naming no route of the app (renamed or removed?):\n" + string.Join('\n', withoutRoute),
                requestsWithoutRoute.Count == 0 ? "" : "RouteAuthorizationRequests names routes the app does not have:\n" + string.Join('\n', requestsWithoutRoute),
                twice.Count == 0 ? "" : "Routes with more than one row:\n" + string.Join('\n', twice),
            }.Where(part => part.Length > 0)));
        }
    }

    [Fact]
    public async Task Every_caller_gets_the_status_its_row_says_on_every_route()
    {
        var world = await WorldAsync();
        var table = RouteAuthorizationMatrix.Rows.ToDictionary(row => row.Key);
        var wrong = new List<string>();
        var toPaste = new List<string>();

        foreach (var route in RoutesOfTheApp())
        {
            var request = RouteAuthorizationRequests.For(route.Key);
            var statuses = new Dictionary<Caller, int>();
            IReadOnlyDictionary<string, string>? target = null;
            foreach (var caller in Enum.GetValues<Caller>())
            {
                // A throwaway target serves the cells that were refused, and is made anew after one that was let in.
                target ??= await TargetAsync(world, request.Throwaway);
                var identity = caller == Caller.Anonymous ? null
                    : request.Throwaway == Throwaway.Caller ? await StandInAsync(world, caller) : world.Callers[caller];
                statuses[caller] = await StatusAsync(route, request, identity, target);
                if (statuses[caller] < 400)
                {
                    target = null;
                }
            }

            if (!table.TryGetValue(route.Key, out var row))
            {
                toPaste.Add(Row.Format(route.Method, route.Route, c => statuses[c]));
                continue;
            }

            var differences = Enum.GetValues<Caller>().Where(c => statuses[c] != row.Expected(c)).Select(c => $"{c} {row.Expected(c)} → {statuses[c]}").ToList();
            if (differences.Count > 0)
            {
                wrong.Add($"{route.Key}: {string.Join(", ", differences)}");
                toPaste.Add(Row.Format(route.Method, route.Route, c => statuses[c]));
            }
        }

        if (toPaste.Count > 0)
        {
            Assert.Fail($"Cells that differ from their row:\n{string.Join('\n', wrong)}\n\n"
                + $"Rows as this run got them, missing rows included (check each status is right before pasting):\n{string.Join('\n', toPaste)}");
        }
    }

    private async Task<int> StatusAsync(AppRoute route, CellRequest request, CallerIdentity? identity, IReadOnlyDictionary<string, string> values)
    {
        var url = Fill(route.Route, values);
        var body = request.Body is Func<IReadOnlyDictionary<string, string>, object> make ? make(values) : request.Body ?? new { };

        var result = await Host.Scenario(s =>
        {
            s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = NewClientAddress()); // no rate limit carries over between cells
            switch (route.Page ? "GET" : route.Method == "*" ? request.Method ?? "GET" : route.Method)
            {
                case "GET":
                    s.Get.Url(url);
                    break;
                case "DELETE":
                    s.Delete.Url(url);
                    break;
                case "PUT" when body is Upload upload:
                    s.Put.MultipartFormData(upload.Form()).ToUrl(url);
                    break;
                case "PUT":
                    s.Put.Json(body).ToUrl(url);
                    break;
                case "POST" when body is Upload upload:
                    s.Post.MultipartFormData(upload.Form()).ToUrl(url);
                    break;
                default:
                    s.Post.Json(body).ToUrl(url);
                    s.ConfigureHttpContext(c => c.Request.Method = route.Method == "*" ? request.Method ?? "POST" : route.Method);
                    break;
            }

            if (route.Page)
            {
                s.WithRequestHeader("Accept", "text/html");
                if (identity is not null)
                {
                    s.WithRequestHeader("Cookie", identity.Cookie);
                }
            }
            else if (identity is not null)
            {
                s.WithRequestHeader("Authorization", $"Bearer {identity.Token}");
            }

            s.IgnoreStatusCode();
        });
        return result.Context.Response.StatusCode;
    }

    /// <summary>Every route of the app but the excluded ones, with each of its methods; a page once, at its shortest template.</summary>
    private IReadOnlyList<AppRoute> RoutesOfTheApp()
    {
        var endpoints = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var pages = endpoints
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .GroupBy(e => e.Metadata.GetMetadata<PageActionDescriptor>()!.ViewEnginePath) // Index pages answer on their folder and on /Index
            .Select(g => new AppRoute("GET", RouteAuthorizationMatrix.Normalize(g.Select(e => e.RoutePattern.RawText ?? "").MinBy(raw => raw.Length)!), Page: true));
        var api = endpoints
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => new AppRoute(method, RouteAuthorizationMatrix.Normalize(e.RoutePattern.RawText ?? ""), Page: false)));
        return [.. pages.Concat(api).Where(r => !RouteAuthorizationMatrix.IsExcluded(r.Route)).DistinctBy(r => r.Key)
            .OrderBy(r => r.Route, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)];
    }

    /// <summary>The route with the world's values in its parameters (an empty optional one drops its slash).</summary>
    private static string Fill(string route, IReadOnlyDictionary<string, string> values)
    {
        var url = Parameter().Replace(route, m => values.TryGetValue(m.Groups["name"].Value, out var value)
            ? Uri.EscapeDataString(value)
            : throw new InvalidOperationException($"The matrix's world has no value for {{{m.Groups["name"].Value}}} in {route}: add one in RouteAuthorizationTest.WorldAsync."));
        return url.Length > 1 ? url.TrimEnd('/') : url;
    }

    [GeneratedRegex(@"\{\*{0,2}(?<name>[A-Za-z0-9_]+)\??\}")]
    private static partial Regex Parameter();
}
