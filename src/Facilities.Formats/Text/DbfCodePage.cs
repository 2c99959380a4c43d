using System.Text;

namespace Facilities.Formats.Text;

/// <summary>
/// The dBASE "language driver" byte (header byte 29, LDID) of a .dbf that came without a .cpg, read as GDAL does.
/// </summary>
public static class DbfCodePage
{
    // LDID → code page, the usual Esri/dBASE list. 0x57 ("current ANSI code page") has no fixed code page: GDAL
    // reads it as ISO-8859-1 (checked with ogrinfo on a file plain ogr2ogr wrote: LDID 87, no .cpg), and so do we;
    // on a Vietnamese Windows it was really Windows-1258, which detection then recognises from the text.
    private static readonly Dictionary<byte, int> Ldids = new()
    {
        [0x01] = 437,
        [0x02] = 850,
        [0x03] = 1252,
        [0x04] = 10000,
        [0x08] = 865,
        [0x09] = 437,
        [0x0A] = 850,
        [0x0B] = 437,
        [0x0D] = 437,
        [0x0E] = 850,
        [0x0F] = 437,
        [0x10] = 850,
        [0x11] = 437,
        [0x12] = 850,
        [0x13] = 932,
        [0x14] = 850,
        [0x15] = 437,
        [0x16] = 850,
        [0x17] = 865,
        [0x18] = 437,
        [0x19] = 437,
        [0x1A] = 850,
        [0x1B] = 437,
        [0x1C] = 863,
        [0x1D] = 850,
        [0x1F] = 852,
        [0x22] = 852,
        [0x23] = 852,
        [0x24] = 860,
        [0x25] = 850,
        [0x26] = 866,
        [0x37] = 850,
        [0x40] = 852,
        [0x4D] = 936,
        [0x4E] = 949,
        [0x4F] = 950,
        [0x50] = 874,
        [0x57] = 28591,
        [0x58] = 1252,
        [0x59] = 1252,
        [0x64] = 852,
        [0x65] = 866,
        [0x66] = 865,
        [0x67] = 861,
        [0x6A] = 737,
        [0x6B] = 857,
        [0x78] = 950,
        [0x79] = 949,
        [0x7A] = 936,
        [0x7B] = 932,
        [0x7C] = 874,
        [0x7D] = 1255,
        [0x7E] = 1256,
        [0xC8] = 1250,
        [0xC9] = 1251,
        [0xCA] = 1254,
        [0xCB] = 1253,
        [0xCC] = 1257,
    };

    /// <summary>The LDID byte of <paramref name="dbfPath"/>, or 0 when the header is shorter.</summary>
    public static byte ReadLdid(string dbfPath)
    {
        using var s = File.OpenRead(dbfPath);
        Span<byte> header = stackalloc byte[30];
        return s.ReadAtLeast(header, 30, throwOnEndOfStream: false) < 30 ? (byte)0 : header[29];
    }

    /// <summary>The encoding an LDID declares, or null for 0 (none) and unknown values.</summary>
    public static SourceEncoding? Encoding(byte ldid)
    {
        if (!Ldids.TryGetValue(ldid, out var cp))
        {
            return null;
        }

        try
        {
            return SourceEncoding.FromEncoding(CodePages.Get(cp));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Lossless single-byte reading: each byte becomes the character of the same number, so the raw bytes come back.</summary>
    public static Encoding Raw => System.Text.Encoding.Latin1;
}
