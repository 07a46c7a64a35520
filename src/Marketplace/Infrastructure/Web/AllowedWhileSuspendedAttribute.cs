namespace Marketplace.Infrastructure.Web;

/// <summary>
/// Marks an endpoint, a group or a page a suspended member may still change things through: signing in and out, their
/// own account, their purchases' download links, the contact form (to appeal). Every other write refuses them.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AllowedWhileSuspendedAttribute : Attribute;
