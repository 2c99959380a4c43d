using Facilities.Testing;
using Microsoft.Data.Sqlite;

namespace Facilities.Cli.Tests;

/// <summary><c>facilities cases users disable|enable|set-role|reset-password</c>, effective on the account's next use.</summary>
public sealed class CasesUsersCommandTests : IDisposable
{
    private const string Site1 = "99001-mam_non-2"; // commune 99001, no certificate
    private readonly TempDir _dir = new();
    private readonly string _dataset;

    public CasesUsersCommandTests()
    {
        _dataset = _dir.File("d.gpkg");
        Assert.Equal(0, CliRunner.Run("generate", "--out", _dataset, "--parcels", "0", "--wards", "3").Code);
        Assert.Equal(0, Cases("users", "add", "admin", "--role", "city_department", "--new-password", "admin-pw-1").Code);
        Assert.Equal(0, AsAdmin("users", "add", "cb1", "--role", "commune_official", "--commune", "99001", "--new-password", "cb1-pw-12").Code);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    [Fact]
    public void A_disabled_account_is_refused_until_it_is_enabled_again()
    {
        Assert.Equal(0, AsOfficial("list").Code);

        Assert.Equal(0, AsAdmin("users", "disable", "cb1").Code);
        Assert.Equal(5, AsOfficial("list").Code);

        Assert.Equal(0, AsAdmin("users", "enable", "cb1").Code);
        Assert.Equal(0, AsOfficial("list").Code);
    }

    [Fact]
    public void A_role_change_to_viewer_takes_the_right_to_move_cases_away()
    {
        Assert.Equal(0, AsAdmin("users", "set-role", "cb1", "--role", "viewer").Code);

        Assert.Equal(5, AsOfficial("advance", Site1, "--to", "received").Code);
        Assert.Equal(0, AsOfficial("list").Code);
    }

    [Fact]
    public void After_a_password_reset_only_the_new_password_logs_in()
    {
        Assert.Equal(0, AsAdmin("users", "reset-password", "cb1", "--new-password", "new-pw-345").Code);

        Assert.Equal(5, AsOfficial("list").Code);
        Assert.Equal(0, Cases("list", "--user", "cb1", "--password", "new-pw-345").Code);
    }

    [Fact]
    public void A_commune_official_cannot_change_accounts()
    {
        var (code, _, _) = AsOfficial("users", "disable", "admin");

        Assert.Equal(5, code);
        Assert.Equal(0, AsAdmin("list").Code);
    }

    private (int Code, string Out, string Err) Cases(params string[] args) => CliRunner.Run(["cases", .. args, "--dataset", _dataset]);

    private (int Code, string Out, string Err) AsAdmin(params string[] args) => Cases([.. args, "--user", "admin", "--password", "admin-pw-1"]);

    private (int Code, string Out, string Err) AsOfficial(params string[] args) => Cases([.. args, "--user", "cb1", "--password", "cb1-pw-12"]);
}
