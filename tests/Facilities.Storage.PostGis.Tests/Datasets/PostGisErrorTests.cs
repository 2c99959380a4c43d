using System.Net;
using System.Net.Sockets;
using Facilities.Cli;
using Npgsql;

namespace Facilities.Storage.PostGis.Tests.Datasets;

/// <summary>
/// A dataset location that cannot be used ends in one line, Vietnamese then English, with the fix and its own exit
/// code, never "internal error" with a stack trace. Against the real server; a wrong password cannot be provoked
/// on a server that trusts loopback (the test server does), so an unknown user stands for it: the server refuses
/// both in the same step (SQLSTATE 28000 / 28P01).
/// </summary>
public sealed class PostGisErrorTests
{
    private static (int Code, string Err) Info(string location)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Program.Run(["info", location], output, error);
        return (code, error.ToString());
    }

    private static string Server()
    {
        using var pg = PgDataset.Empty();
        return pg.ConnectionString;
    }

    private static void OneLine(string err, string vi, string en)
    {
        var line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("lỗi: ", line, StringComparison.Ordinal);
        Assert.Contains(vi, line, StringComparison.Ordinal);
        Assert.Contains(" / error: ", line, StringComparison.Ordinal);
        Assert.Contains(en, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    [Fact]
    public void AServerThatIsNotRunningIsExitSevenWithTheAddress()
    {
        // A port nothing listens on: bound and released here, so the connection is refused.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (code, err) = Info($"Host=127.0.0.1;Port={port};Username=postgres;Database=x");

        Assert.Equal(ExitCodes.ServerUnreachable, code);
        OneLine(err, $"không kết nối được máy chủ PostgreSQL 127.0.0.1:{port}", "check that it is running");
    }

    [Fact]
    public void AMissingDatabaseIsExitEightWithTheCreatedbCommand()
    {
        var b = new NpgsqlConnectionStringBuilder(Server()) { Database = "pgstore_no_such_db" };

        var (code, err) = Info(b.ConnectionString);

        Assert.Equal(ExitCodes.DatabaseMissing, code);
        OneLine(err, "không có cơ sở dữ liệu 'pgstore_no_such_db'", "createdb -h");
    }

    [Fact]
    public void AUserTheServerRefusesIsExitNine()
    {
        var b = new NpgsqlConnectionStringBuilder(Server()) { Username = "pgstore_nobody", Password = "wrong" };

        var (code, err) = Info(b.ConnectionString);

        Assert.Equal(ExitCodes.AuthenticationFailed, code);
        OneLine(err, "từ chối đăng nhập của 'pgstore_nobody'", "fix Username/Password");
    }

    [Fact]
    public void ADatabaseWithoutPostGisIsExitTenWithTheCreateExtensionCommand()
    {
        var server = Server();
        var admin = new NpgsqlConnectionStringBuilder(server);
        var name = admin.Database + "_nopostgis";
        using (var c = new NpgsqlConnection(server))
        {
            c.Open();
            using var exists = new NpgsqlCommand($"SELECT count(*) FROM pg_database WHERE datname = '{name}'", c);
            if ((long)exists.ExecuteScalar()! == 0)
            {
                using var create = new NpgsqlCommand($"CREATE DATABASE {name}", c);
                create.ExecuteNonQuery();
            }
        }

        var (code, err) = Info(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);

        Assert.Equal(ExitCodes.PostGisMissing, code);
        OneLine(err, "chưa có PostGIS", "CREATE EXTENSION postgis");
    }

    [Fact]
    public void ASchemaWithoutADatasetIsExitElevenWithTheCopyCommand()
    {
        var (code, err) = Info(Server() + ";Schema=pgstore_no_dataset");

        Assert.Equal(ExitCodes.DatasetMissing, code);
        OneLine(err, "không có bộ dữ liệu ở schema 'pgstore_no_dataset'", "facilities copy FILE.gpkg");
    }
}
