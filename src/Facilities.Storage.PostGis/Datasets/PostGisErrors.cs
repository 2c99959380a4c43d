using System.Net.Sockets;
using Facilities.Core.Datasets;
using Npgsql;

namespace Facilities.Storage.PostGis.Datasets;

/// <summary>
/// Turns Npgsql's failures into <see cref="DatasetUnavailableException"/>s: one line in both languages naming the
/// server, database, user or schema and the fix, instead of a stack trace.
/// </summary>
internal static class PostGisErrors
{
    /// <summary>The exception to throw for <paramref name="e"/>, or null when it is not a database failure.</summary>
    public static DatasetUnavailableException? Translate(Exception e, PostGisLocation at) => e switch
    {
        DatasetUnavailableException => null,
        PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } => new(DatasetProblem.DatabaseMissing,
            $"máy chủ {at.Server} không có cơ sở dữ liệu '{at.Database}'; tạo bằng: createdb {at.ConnectionFlags} {at.Database} rồi psql {at.ConnectionFlags} -d {at.Database} -c 'CREATE EXTENSION postgis'.",
            $"the server at {at.Server} has no database '{at.Database}'; create it: createdb {at.ConnectionFlags} {at.Database}, then psql {at.ConnectionFlags} -d {at.Database} -c 'CREATE EXTENSION postgis'.", e),
        PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } => Auth(at, e),
        NpgsqlException n when n.Message.Contains("password", StringComparison.OrdinalIgnoreCase) && n is not PostgresException => Auth(at, e),
        PostgresException { SqlState: PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName } => Missing(at, e),
        PostgresException { SqlState: PostgresErrorCodes.UndefinedObject or PostgresErrorCodes.UndefinedFunction } p when p.MessageText.Contains("geometry", StringComparison.OrdinalIgnoreCase) || p.MessageText.Contains("st_", StringComparison.OrdinalIgnoreCase) => NoPostGis(at, e),
        PostgresException { SqlState: PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.CannotConnectNow } p => new(DatasetProblem.ServerUnreachable,
            $"máy chủ PostgreSQL {at.Server} chưa nhận kết nối ({p.MessageText}); thử lại sau ít phút.",
            $"the PostgreSQL server at {at.Server} is not taking connections ({p.MessageText}); try again in a few minutes.", e),
        PostgresException p => new(DatasetProblem.DatabaseError,
            $"cơ sở dữ liệu '{at.Database}' báo lỗi: {p.MessageText} ({p.SqlState}); kiểm tra quyền của '{at.User}' trên schema '{at.Schema}'.",
            $"database '{at.Database}' reported: {p.MessageText} ({p.SqlState}); check the rights of '{at.User}' on schema '{at.Schema}'.", e),
        NpgsqlException n when Unreachable(n) => new(DatasetProblem.ServerUnreachable,
            $"không kết nối được máy chủ PostgreSQL {at.Server} ({Reason(n)}); hãy kiểm tra máy chủ đang chạy (pg_ctl status / systemctl status postgresql) và Host, Port đúng.",
            $"cannot reach the PostgreSQL server at {at.Server} ({Reason(n)}); check that it is running (pg_ctl status / systemctl status postgresql) and that Host and Port are right.", e),
        NpgsqlException n => new(DatasetProblem.DatabaseError,
            $"lỗi khi làm việc với cơ sở dữ liệu '{at.Database}' trên {at.Server}: {n.Message}",
            $"database '{at.Database}' on {at.Server} failed: {n.Message}", e),
        _ => null,
    };

    /// <summary>The database has no PostGIS.</summary>
    public static DatasetUnavailableException NoPostGis(PostGisLocation at, Exception? e = null) => new(DatasetProblem.PostGisMissing,
        $"cơ sở dữ liệu '{at.Database}' chưa có PostGIS; chạy: psql {at.ConnectionFlags} -d {at.Database} -c 'CREATE EXTENSION postgis' (cần quyền quản trị và gói postgresql-15-postgis-3).",
        $"database '{at.Database}' has no PostGIS; run: psql {at.ConnectionFlags} -d {at.Database} -c 'CREATE EXTENSION postgis' (needs a superuser and the postgresql-15-postgis-3 package).", e);

    /// <summary>The database has no dataset in the schema.</summary>
    public static DatasetUnavailableException Missing(PostGisLocation at, Exception? e = null) => new(DatasetProblem.DatasetMissing,
        $"cơ sở dữ liệu '{at.Database}' không có bộ dữ liệu ở schema '{at.Schema}'; nạp vào bằng: facilities copy TỆP.gpkg \"{at.Display}\" (hoặc import … --into), hay chọn schema khác bằng ?schema= / ;Schema=.",
        $"database '{at.Database}' holds no dataset in schema '{at.Schema}'; load one with: facilities copy FILE.gpkg \"{at.Display}\" (or import … --into), or name another schema with ?schema= / ;Schema=.", e);

    private static DatasetUnavailableException Auth(PostGisLocation at, Exception e) => new(DatasetProblem.AuthenticationFailed,
        $"máy chủ {at.Server} từ chối đăng nhập của '{at.User}' vào '{at.Database}' (sai mật khẩu hoặc người dùng); sửa Username/Password (hoặc ~/.pgpass, PGPASSWORD).",
        $"the server at {at.Server} refused '{at.User}' on '{at.Database}' (wrong password or user); fix Username/Password (or ~/.pgpass, PGPASSWORD).", e);

    private static bool Unreachable(NpgsqlException n) =>
        n.InnerException is SocketException or TimeoutException or IOException || n.Message.Contains("Failed to connect", StringComparison.OrdinalIgnoreCase);

    private static string Reason(NpgsqlException n) => n.InnerException switch
    {
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => "connection refused",
        SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData } => "host not found",
        SocketException s => s.SocketErrorCode.ToString(),
        TimeoutException => "timeout",
        { } inner => inner.Message,
        _ => n.Message,
    };
}
