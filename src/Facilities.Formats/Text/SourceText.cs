using Facilities.Core.Validation;
using Facilities.Formats.Readers;

namespace Facilities.Formats.Text;

/// <summary>
/// Decodes the bytes of a text source (CSV) whatever encoding a Vietnamese agency saved it in: UTF-8 (with or
/// without BOM), UTF-16 with BOM, Windows-1258 (Excel on a Vietnamese Windows), TCVN3 or VNI.
/// </summary>
public static class SourceText
{
    /// <summary>
    /// Decodes <paramref name="path"/>'s bytes: <paramref name="encodingOverride"/> when given, else detected.
    /// A notice or warning in <paramref name="issues"/> says which encoding was used when it was not plain UTF-8.
    /// </summary>
    public static DecodedText Read(string path, string? layer, string? encodingOverride, IssueList issues)
    {
        var bytes = TextFileCheck.ReadBytes(path, layer);
        var file = Path.GetFileName(path);
        if (encodingOverride is not null)
        {
            var given = Parse(encodingOverride, file, layer);
            var body = given == SourceEncoding.Utf8 ? WithoutUtf8Bom(bytes) : bytes;
            if (given == SourceEncoding.Utf8 && !SourceEncoding.IsUtf8(body))
            {
                throw TextFileCheck.NotUtf8(path, layer, bytes, []);
            }

            issues.Notice("encoding-given", null, null,
                $"đọc tệp theo bảng mã {given.Label} (--encoding).", $"the file was read as {given.Label} (--encoding).");
            return new DecodedText(given.Decode(body), given.Name, Detected: false);
        }

        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            var utf16 = bytes[0] == 0xFF ? System.Text.Encoding.Unicode : System.Text.Encoding.BigEndianUnicode;
            return new DecodedText(utf16.GetString(bytes, 2, bytes.Length - 2).Normalize(System.Text.NormalizationForm.FormC), utf16.WebName, Detected: true);
        }

        var bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        var content = bom ? bytes[3..] : bytes;
        var choice = EncodingDetector.Choose([content], bom ? SourceEncoding.Utf8 : null)
            ?? throw TextFileCheck.NotUtf8(path, layer, bytes, [SourceEncoding.Windows1258, SourceEncoding.Tcvn3, SourceEncoding.Vni]);
        if (bom && !choice.StoredAsUtf8 && !SourceEncoding.IsUtf8(content))
        {
            throw TextFileCheck.NotUtf8(path, layer, bytes, []);
        }

        Report(issues, choice, null, null);
        return new DecodedText(choice.Decode(content), choice.Encoding.Name, Detected: true);
    }

    /// <summary>
    /// Says in <paramref name="issues"/> which encoding was detected: a notice for Windows-1258, a warning for
    /// TCVN3/VNI text converted to Unicode; nothing for UTF-8. <paramref name="whereVi"/>/<paramref name="whereEn"/>
    /// add where a declared encoding came from (e.g. "tệp .cpg ghi 1252"/"the .cpg says 1252").
    /// </summary>
    public static void Report(IssueList issues, EncodingChoice choice, string? whereVi, string? whereEn)
    {
        if (!choice.Detected)
        {
            return;
        }

        var label = choice.Encoding.Label;
        var contrastVi = whereVi is null ? "" : $" ({whereVi})";
        var contrastEn = whereEn is null ? "" : $" ({whereEn})";
        var sample = $"{choice.Score.Valid}/{choice.Score.Valid + choice.Score.Invalid}";
        if (choice.Encoding.IsLegacyFont || choice.StoredAsUtf8)
        {
            var stored = choice.StoredAsUtf8 ? " đã bị lưu sai thành UTF-8 qua Windows-1252" : "";
            var storedEn = choice.StoredAsUtf8 ? " that had been saved as UTF-8 through Windows-1252" : "";
            issues.Warning("encoding-legacy-converted", null, null,
                $"văn bản ở bảng mã {label}{stored}{contrastVi}: đã chuyển sang Unicode ({sample} từ có dấu đọc được là tiếng Việt). Kiểm tra lại tên; dùng --encoding nếu sai.",
                $"the text is in {label}{storedEn}{contrastEn}: converted to Unicode ({sample} accented words read as Vietnamese). Check the names; use --encoding if this is wrong.");
        }
        else
        {
            issues.Notice("encoding-detected", null, null,
                $"đã nhận bảng mã {label}{contrastVi} ({sample} từ có dấu đọc được là tiếng Việt).",
                $"encoding {label} detected{contrastEn} ({sample} accented words read as Vietnamese).");
        }
    }

    /// <summary>The encoding an <c>--encoding</c> value names, or a clear error listing the accepted values.</summary>
    public static SourceEncoding Parse(string value, string file, string? layer) =>
        SourceEncoding.Parse(value) ?? throw new DataFileException("encoding-unknown", file, layer,
            $"không biết bảng mã '{value}' (--encoding). Dùng: {SourceEncoding.OverrideValues}.",
            $"unknown encoding '{value}' (--encoding). Use one of: {SourceEncoding.OverrideValues}.");

    private static byte[] WithoutUtf8Bom(byte[] bytes) =>
        bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? bytes[3..] : bytes;
}
