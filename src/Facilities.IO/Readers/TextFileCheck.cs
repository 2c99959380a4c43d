using System.Text;

namespace Facilities.IO.Readers;

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
            var offset = e.Index >= 0 ? e.Index : FirstInvalid(bytes);
            var line = 1 + bytes.AsSpan(0, Math.Clamp(offset, 0, bytes.Length)).Count((byte)'\n');
            throw new DataFileException("file-not-utf8", Path.GetFileName(path), layer,
                $"tệp không phải UTF-8 (byte không hợp lệ ở dòng {line}, vị trí byte {offset}). Tệp từ TCVN3/VNI/Windows-1258 cần lưu lại dạng UTF-8.",
                $"the file is not UTF-8 (invalid byte on line {line}, byte offset {offset}). Files in TCVN3, VNI or Windows-1258 must be re-saved as UTF-8.", e);
        }
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
        var decoder = new UTF8Encoding(false, true).GetDecoder();
        var chars = new char[8];
        for (var i = 0; i < bytes.Length; i++)
        {
            try
            {
                decoder.GetChars(bytes, i, 1, chars, 0, flush: false);
            }
            catch (DecoderFallbackException)
            {
                return i;
            }
        }

        return bytes.Length;
    }
}
