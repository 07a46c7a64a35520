using System.Xml.Linq;
using Marketplace.Infrastructure.Security;
using Marten;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Marketplace.Tests.Infrastructure.Security;

public sealed class DataProtectionKeysTests(AppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public void The_key_ring_is_kept_in_postgres_so_every_node_shares_it()
    {
        var options = Host.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value;

        options.XmlRepository.ShouldBeOfType<MartenXmlRepository>();
    }

    [Fact]
    public void A_stored_key_is_read_back_by_another_repository_on_the_same_database()
    {
        var writer = new MartenXmlRepository(Host.DocumentStore());
        var reader = new MartenXmlRepository(Host.DocumentStore());

        writer.StoreElement(new XElement("key", new XAttribute("id", "k1"), "secret material"), "key-k1");

        reader.GetAllElements().ShouldContain(element => (string?)element.Attribute("id") == "k1");
    }
}
