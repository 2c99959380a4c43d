using System.Text;
using Facilities.Formats.Text;

namespace Facilities.Formats.Readers;

/// <summary>Reads a text file as strict UTF-8, naming the line and byte of the first invalid sequence.</summary>
public static class TextFileCheck
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's text without a BOM, or a <see cref="DataFileException"/> when it is not UTF-8.</summary>
    public static string ReadUtf8(string path, string? layer)
    {
        var bytes = ReadBytes(path, layer);
        try
        {
            var text = Strict.GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException e)
        {
            throw NotUtf8(path, layer, bytes, [], e);
        }
    }

    /// <summary>
    /// The error for a text file that is not UTF-8, naming the line and byte offset of the first invalid byte,
    /// the other encodings that were tried (<paramref name="tried"/>) and the --encoding option.
    /// </summary>
    public static DataFileException NotUtf8(string path, string? layer, byte[] bytes, IReadOnlyList<SourceEncoding> tried, Exception? inner = null)
    {
        var offset = FirstInvalid(bytes);
        var line = 1 + bytes.AsSpan(0, Math.Clamp(offset, 0, bytes.Length)).Count((byte)'\n');
        var names = string.Join(", ", tried.Select(t => t.Label));
        var triedVi = tried.Count == 0 ? "" : $" Cũng không đọc được thành tiếng Việt theo {names}.";
        var triedEn = tried.Count == 0 ? "" : $" Nor does it read as Vietnamese in {names}.";
        return new DataFileException("file-not-utf8", Path.GetFileName(path), layer,
            $"tệp không phải UTF-8 (byte không hợp lệ ở dòng {line}, vị trí byte {offset}).{triedVi} Chỉ rõ bảng mã bằng --encoding ({SourceEncoding.OverrideValues}) hoặc lưu lại tệp dạng UTF-8.",
            $"the file is not UTF-8 (invalid byte on line {line}, byte offset {offset}).{triedEn} Name its encoding with --encoding ({SourceEncoding.OverrideValues}) or re-save it as UTF-8.", inner);
    }

    /// <summary>All bytes of a file, or a <see cref="DataFileException"/> when it cannot be read.</summary>
    public static byte[] ReadBytes(string path, string? layer)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(path, layer, e);
        }
    }

    /// <summary>The exception for a file that is missing or cannot be opened.</summary>
    public static DataFileException Unreadable(string path, string? layer, Exception e) =>
        new(e is FileNotFoundException or DirectoryNotFoundException ? "file-not-found" : "file-unreadable", Path.GetFileName(path), layer,
            e is FileNotFoundException or DirectoryNotFoundException ? $"không tìm thấy tệp {path}." : $"không đọc được tệp {path}: {e.Message}",
            e is FileNotFoundException or DirectoryNotFoundException ? $"file not found: {path}." : $"cannot read {path}: {e.Message}", e);

    private static int FirstInvalid(byte[] bytes)
    {
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes.AsSpan(start), new char[bytes.Length], out var read, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done ? bytes.Length : start + read;
    }
}
