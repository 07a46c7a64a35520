using System.Text.RegularExpressions;
using Marketplace.Testing;

namespace Marketplace.Tests.Infrastructure.Persistence;

/// <summary>
/// Endpoints and pages invoke a Wolverine handler, which commits its documents and messages in one transaction
/// (docs/architecture.md, "The transactional edge"). An outbox enrolled by hand is the old way back: it fails here.
/// The app's Stripe webhook intake is the one exception, until it moves to the same pattern; the Stripe sandbox has none.
/// </summary>
public sealed partial class TransactionalEdgeTests
{
    private static readonly string[] Exempt = [Path.Combine("Features", "StripeWebhooks"), Path.Combine("Internal", "Generated")];

    [Fact]
    public void No_app_code_enrolls_an_outbox_by_hand() =>
        HandEnrollmentsIn(RepositoryPaths.App).ShouldBeEmpty("invoke a Wolverine handler instead (bus.InvokeAsync); it commits documents and messages together");

    [Fact]
    public void The_stripe_sandbox_enrolls_no_outbox_by_hand_either() =>
        HandEnrollmentsIn(Path.Combine(RepositoryPaths.Root, "src", "Marketplace.StripeSandbox"))
            .ShouldBeEmpty("invoke a Wolverine handler instead (bus.InvokeAsync); it commits documents and messages together");

    private static List<string> HandEnrollmentsIn(string project) =>
        [.. Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(project, path))
            .Where(path => !path.StartsWith("bin", StringComparison.Ordinal) && !path.StartsWith("obj", StringComparison.Ordinal))
            .Where(path => !Exempt.Any(folder => path.StartsWith(folder, StringComparison.Ordinal)))
            .SelectMany(path => File.ReadLines(Path.Combine(project, path)).Select((line, index) => (path, line, number: index + 1)))
            .Where(hit => HandEnrollment().IsMatch(hit.line))
            .Select(hit => $"{hit.path}:{hit.number}: {hit.line.Trim()}")];

    [GeneratedRegex(@"\.Enroll\(|new\s+MartenOutbox\(")]
    private static partial Regex HandEnrollment();
}
