using System.CommandLine;

namespace Facilities.Cli.Commands;

/// <summary>The options every <c>cases</c> subcommand takes (recursive on <c>cases</c>).</summary>
internal sealed class CasesOptions
{
    public Option<FileInfo?> Dataset { get; } = new("--dataset")
    {
        Description = "Bộ dữ liệu (.gpkg): trường học lấy từ lớp schools; hồ sơ lưu ở <dataset>.tracker.sqlite / dataset; cases are kept beside it",
        Recursive = true,
    };

    public Option<string?> Db { get; } = new("--db")
    {
        Description = "Lưu hồ sơ trên PostgreSQL thay vì SQLite / keep cases in PostgreSQL: \"Host=…;Database=…;Username=…\"",
        Recursive = true,
    };

    public Option<string?> User { get; } = new("--user") { Description = "Tên đăng nhập / login name", Recursive = true };

    public Option<string?> Password { get; } = new("--password")
    {
        Description = "Mật khẩu (nên dùng biến FACILITIES_PASSWORD) / password (prefer FACILITIES_PASSWORD)",
        Recursive = true,
    };

    public Option<FileInfo?> Calendar { get; } = new("--calendar")
    {
        Description = "Tệp lịch (JSON): ngày nghỉ hoán đổi, làm bù, ngày lễ thêm / calendar file (JSON): official day swaps, make-up days, extra holidays",
        Recursive = true,
    };

    public Option<FileInfo?> Procedures { get; } = new("--procedures")
    {
        Description = "Tệp thủ tục của tỉnh (JSON) thêm hoặc thay thủ tục / a province's procedures file (JSON) adding or overriding procedures",
        Recursive = true,
    };
}
