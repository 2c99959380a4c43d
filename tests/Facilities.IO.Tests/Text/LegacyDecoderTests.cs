using Facilities.Formats.Text;


namespace Facilities.IO.Tests.Text;

/// <summary>
/// The TCVN3 and VNI tables against references that are not our own: TCVN3 bytes as glibc iconv's TCVN5712-1
/// encodes the words, VNI bytes as the vietnamese-conversion package (duydev/vietnamese-conversion) publishes
/// them ("Xin chào các bạn" → "Xin chaøo caùc baïn"; Ờ → "ÔØ", Ể → "EÅ", Ợ → "ÔÏ" in Windows-1252).
/// </summary>
public sealed class LegacyDecoderTests
{
    [Theory]
    [InlineData("5472adea6e67205469d3752068e463204caa204cee69", "Trường Tiểu học Lê Lợi")]
    [InlineData("5068adea6e672048b66920416e", "Phường Hải An")]
    [InlineData("a7ab6e672048b669", "Đông Hải")]
    [InlineData("4e677579d46e205468de20a7de6e68", "Nguyễn Thị Định")]
    public void Tcvn3BytesFromIconvDecodeToTheUnicodeWords(string hex, string expected)
    {
        var text = Tcvn3Decoder.Decode(Convert.FromHexString(hex));

        Assert.Equal(expected, text);
        Assert.True(text.IsNormalized());
    }

    [Theory]
    [InlineData("58696e20636861f86f206361f963206261ef6e", "Xin chào các bạn")]
    [InlineData("5472f6f4f86e6720546965e57520686fef63204c65e2204cf4ef69", "Trường Tiểu học Lê Lợi")]
    [InlineData("5068f6f4f86e67204861fb6920416e", "Phường Hải An")]
    [InlineData("d4d82045c520d4cf", "Ờ Ể Ợ")]
    public void VniBytesFromThePublishedTableDecodeToTheUnicodeWords(string hex, string expected)
    {
        var text = VniDecoder.Decode(Convert.FromHexString(hex));

        Assert.Equal(expected, text);
        Assert.True(text.IsNormalized());
    }

    [Theory]
    [InlineData("Trường", true)]
    [InlineData("nghiêng", true)]
    [InlineData("quyết", true)]
    [InlineData("Hải", true)]
    [InlineData("người", true)]
    [InlineData("hoặc", true)]
    [InlineData("Tröôøng", false)]
    [InlineData("Tr­êng", false)]
    [InlineData("hàc", false)]
    [InlineData("Hélène", false)]
    [InlineData("François", false)]
    [InlineData("ấá", false)]
    public void SyllableCheckerAcceptsVietnameseAndRefusesMojibake(string word, bool valid) =>
        Assert.Equal(valid, VietnameseSyllable.IsValid(word));
}
