using System.Text;

namespace Facilities.Formats.Text;

/// <summary>The Windows code pages .NET only has once the code-pages provider is registered.</summary>
public static class CodePages
{
    static CodePages() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Windows-1252 (Western), the code page legacy-font mojibake reads in.</summary>
    public static Encoding Windows1252 { get; } = Get(1252);

    /// <summary>Windows-1258 (Vietnamese), what Excel saves "CSV" in on a Vietnamese Windows.</summary>
    public static Encoding Windows1258 { get; } = Get(1258);

    /// <summary>The code page <paramref name="codePage"/>; throws <see cref="ArgumentException"/> or <see cref="NotSupportedException"/>.</summary>
    public static Encoding Get(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }

    /// <summary>The encoding named <paramref name="name"/> (e.g. "iso-8859-1"); throws <see cref="ArgumentException"/>.</summary>
    public static Encoding Get(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(name);
    }
}
