using System.Xml.Linq;
using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Marketplace.Infrastructure.Security;

/// <summary>One Data Protection key, as the XML the key manager writes.</summary>
public sealed class DataProtectionKey
{
    public string Id { get; set; } = "";
    public string Xml { get; set; } = "";
}

/// <summary>
/// The Data Protection key ring in PostgreSQL, so that every app node can read the cookies, antiforgery tokens and
/// bearer tokens any other node issued.
/// </summary>
public sealed class MartenXmlRepository(IDocumentStore store) : IXmlRepository
{
    // IXmlRepository is synchronous and Marten only asynchronous; the key manager reads rarely and caches the ring.
    public IReadOnlyCollection<XElement> GetAllElements() => ReadAllAsync().GetAwaiter().GetResult();

    private async Task<IReadOnlyCollection<XElement>> ReadAllAsync()
    {
        await using var session = store.QuerySession();
        var keys = await session.Query<DataProtectionKey>().ToListAsync();
        return [.. keys.Select(key => XElement.Parse(key.Xml))];
    }

    public void StoreElement(XElement element, string friendlyName) => StoreAsync(element, friendlyName).GetAwaiter().GetResult();

    private async Task StoreAsync(XElement element, string friendlyName)
    {
        await using var session = store.LightweightSession();
        session.Store(new DataProtectionKey { Id = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        await session.SaveChangesAsync();
    }
}

public static class DataProtectionSetup
{
    public static void AddMarketplaceDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Marketplace");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IDocumentStore>((options, store) => options.XmlRepository = new MartenXmlRepository(store));
        services.ConfigureMarten(options => options.Schema.For<DataProtectionKey>().Identity(x => x.Id));
    }
}
