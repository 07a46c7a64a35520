namespace Marketplace.StripeSandbox.Connect;

/// <summary>The platform's Connect application: what deauthorizations name and application fees are earned by.</summary>
public static class SandboxApplication
{
    public const string Id = "ca_marketplace_sandbox";
}
