using System.Globalization;
using System.Net;
using Npgsql;
using Stripe;

namespace Marketplace.Benchmarks.Intake;

/// <summary>
/// The peer, run as <c>Marketplace.Benchmarks.dll intake-peer --port N</c> in a process of its own: a bare minimal API
/// whose <c>POST /api/webhooks/stripe</c> verifies the signature with Stripe.net and inserts the event once, through
/// Npgsql, into a table of its own on the app's PostgreSQL server. The connection string and signing secret come in
/// <see cref="ConnectionVariable"/> and <see cref="SecretVariable"/>, so they stay out of the process list.
/// </summary>
public static class PeerServer
{
    public const string ConnectionVariable = "INTAKE_PEER_CONNECTION";
    public const string SecretVariable = "INTAKE_PEER_SECRET";
    public const string ReadyLine = "intake-peer ready";
    public const string Table = "intake_peer_events";

    public static async Task<int> RunAsync(string[] args)
    {
        var port = int.Parse(args[Array.IndexOf(args, "--port") + 1], CultureInfo.InvariantCulture);
        var secret = Environment.GetEnvironmentVariable(SecretVariable) ?? throw new InvalidOperationException($"{SecretVariable} is not set.");
        await using var dataSource = NpgsqlDataSource.Create(
            Environment.GetEnvironmentVariable(ConnectionVariable) ?? throw new InvalidOperationException($"{ConnectionVariable} is not set."));
        await using (var create = dataSource.CreateCommand($"create table if not exists {Table} (id text primary key, payload jsonb not null)"))
        {
            await create.ExecuteNonQueryAsync();
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        await using var app = builder.Build();
        app.MapPost("/api/webhooks/stripe", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var payload = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
            Event stripeEvent;
            try
            {
                stripeEvent = EventUtility.ConstructEvent(payload, request.Headers["Stripe-Signature"], secret, 300, throwOnApiVersionMismatch: false);
            }
            catch (StripeException)
            {
                return Results.BadRequest();
            }

            await using var insert = dataSource.CreateCommand($"insert into {Table} (id, payload) values ($1, $2) on conflict do nothing");
            insert.Parameters.Add(new NpgsqlParameter { Value = stripeEvent.Id });
            insert.Parameters.Add(new NpgsqlParameter { Value = payload, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Jsonb });
            await insert.ExecuteNonQueryAsync(request.HttpContext.RequestAborted);
            return Results.Ok();
        });
        await app.StartAsync();
        Console.WriteLine(ReadyLine);
        await app.WaitForShutdownAsync();
        return 0;
    }
}
