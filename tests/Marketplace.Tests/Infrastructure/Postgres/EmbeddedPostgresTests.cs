using Marketplace.Infrastructure.Postgres;

namespace Marketplace.Tests.Infrastructure.Postgres;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class EmbeddedPostgresTests
{
    [Fact]
    public void Missing_server_binaries_give_an_error_that_names_what_to_install()
    {
        var error = Should.Throw<InvalidOperationException>(() => PostgresBinaries.Locate(["/nonexistent/postgresql/bin"]));

        error.Message.ShouldContain("apt-get install postgresql-15");
        error.Message.ShouldContain("ConnectionStrings:Marketplace");
    }

    [Fact]
    public void The_machines_binaries_are_found()
    {
        var bin = PostgresBinaries.Locate();

        File.Exists(Path.Combine(bin, "initdb")).ShouldBeTrue();
    }

    [Fact]
    public void A_folder_the_postgres_user_cannot_reach_moves_under_var_tmp_keyed_by_its_path()
    {
        var hidden = Directory.CreateTempSubdirectory("mp-hidden-");
        try
        {
            File.SetUnixFileMode(hidden.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var requested = Path.Combine(hidden.FullName, "app", ".data");

            var layout = ClusterLayout.For(requested, runAsOtherUser: true);
            var again = ClusterLayout.For(requested, runAsOtherUser: true);
            var asSelf = ClusterLayout.For(requested, runAsOtherUser: false);

            layout.Root.ShouldStartWith("/var/tmp/marketplace-");
            again.Root.ShouldBe(layout.Root);
            asSelf.Root.ShouldBe(requested);
        }
        finally
        {
            hidden.Delete(recursive: true);
        }
    }
}
