using Marketplace.Infrastructure.Hosting;
using Marketplace.Infrastructure.Logging;
using Marketplace.Infrastructure.Modules;
using Marketplace.Infrastructure.Payments;
using Marketplace.Infrastructure.Persistence;
using Marketplace.Infrastructure.Postgres;
using Marketplace.Infrastructure.Seeding;
using Marketplace.Infrastructure.Storage;
using Marketplace.Infrastructure.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddMarketplaceLogging();
if (builder.RefusesToStart(args))
{
    return 1;
}

builder.AddMarketplaceDatabase();
builder.AddMarketplaceStorage();
builder.AddCritterStack();
builder.AddMarketplaceWeb();
builder.AddMarketplaceStripe();
builder.AddMarketplaceSeeding();
builder.AddFeatureModules();

var app = builder.Build();
app.UseMarketplaceWeb();
app.MapMarketplaceWeb();
app.MapFeatureModules();

return await app.RunMarketplaceAsync(args);

public partial class Program;
