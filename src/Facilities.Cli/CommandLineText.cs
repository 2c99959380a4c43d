using System.Text.RegularExpressions;

namespace Facilities.Cli;

/// <summary>
/// System.CommandLine's own words (help headings, parse errors) in Vietnamese: the library ships no Vietnamese
/// resources and lets a host neither add one nor replace its help builder's headings, so the host translates the text
/// it printed, line by line; a message it does not know stays in English. The commands' and options' descriptions are
/// already written in both languages.
/// </summary>
internal static partial class CommandLineText
{
    private static readonly (Regex English, string Vietnamese)[] Rules =
    [
        (Line("Description:"), "Mô tả:"),
        (Line("Usage:"), "Cách dùng:"),
        (Line("Arguments:"), "Đối số:"),
        (Line("Options:"), "Tùy chọn:"),
        (Line("Commands:"), "Lệnh:"),
        (new(@"\[options\]"), "[tùy chọn]"),
        (new(@"\[command\]"), "[lệnh]"),
        (new(@"Show help and usage information"), "Hiện trợ giúp và cách dùng"),
        (new(@"Show version information"), "Hiện phiên bản"),
        (new(@"\[default: ([^\]]*)\]"), "[mặc định: $1]"),
        (new(@"\(REQUIRED\)"), "(BẮT BUỘC)"),
        (new(@"^Option '([^']+)' is required\.$", RegexOptions.Multiline), "Thiếu tùy chọn bắt buộc '$1'."),
        (new(@"^Required argument missing for command: '([^']+)'\.$", RegexOptions.Multiline), "Thiếu đối số bắt buộc của lệnh '$1'."),
        (new(@"^Required argument missing for option: '([^']+)'\.$", RegexOptions.Multiline), "Thiếu giá trị cho tùy chọn '$1'."),
        (new(@"^Required command was not provided\.$", RegexOptions.Multiline), "Chưa chọn lệnh."),
        (new(@"^Unrecognized command or argument '([^']*)'\.$", RegexOptions.Multiline), "Không nhận ra lệnh hoặc đối số '$1'."),
        (new(@"Argument '([^']*)' not recognized\. Must be one of:"), "Giá trị '$1' không hợp lệ. Phải là một trong:"),
        (new(@"Cannot parse argument '([^']*)' for option '([^']+)' as expected type '([^']+)'\."), "Không đọc được giá trị '$1' của tùy chọn '$2' (cần kiểu $3)."),
        (new(@"Cannot parse argument '([^']*)' for command '([^']+)' as expected type '([^']+)'\."), "Không đọc được đối số '$1' của lệnh '$2' (cần kiểu $3)."),
        (new(@"Option '([^']+)' expects a single argument but (\d+) were provided\."), "Tùy chọn '$1' nhận một giá trị nhưng có $2."),
        (new(@"'([^']*)' was not matched\. Did you mean one of the following\?"), "'$1' không khớp. Có phải một trong các lệnh sau?"),
        (new(@"Did you mean one of the following\?"), "Có phải một trong các giá trị sau?"),
        (new(@"File does not exist: '([^']*)'\."), "Tệp không tồn tại: '$1'."),
        (new(@"Directory does not exist: '([^']*)'\."), "Thư mục không tồn tại: '$1'."),
    ];

    /// <summary>The text System.CommandLine printed, in <paramref name="language"/>.</summary>
    public static string In(string text, Core.Validation.Language language) =>
        language == Core.Validation.Language.En ? text : Rules.Aggregate(text, (t, rule) => rule.English.Replace(t, rule.Vietnamese));

    private static Regex Line(string heading) => new("^" + Regex.Escape(heading) + "$", RegexOptions.Multiline);
}
