using Facilities.Core.Norms;
using Facilities.Core.Presentation;

namespace Facilities.Core.Tests.Presentation;

public sealed class NormSourceTests
{
    [Theory]
    [InlineData("Circular 13/2020/TT-BGDĐT Art. 5(3), as amended by Circular 23/2024/TT-BGDĐT", "Thông tư 13/2020/TT-BGDĐT, Điều 5 khoản 3; Thông tư 23/2024/TT-BGDĐT")]
    [InlineData("Circular 52/2020/TT-BGDĐT (Preschool Charter) Art. 15(1): mẫu giáo 3–4 years", "Thông tư 52/2020/TT-BGDĐT, Điều 15 khoản 1")]
    [InlineData("Circular 13/2020/TT-BGDĐT Art. 17", "Thông tư 13/2020/TT-BGDĐT, Điều 17")]
    [InlineData("MOET letter 4555/BGDĐT-GDPT (05/08/2025): two sessions a day at primary", "Công văn 4555/BGDĐT-GDPT ngày 05/08/2025")]
    [InlineData("Universal primary education (Education Law 2019 Art. 14); every child counted", "Luật Giáo dục 2019, Điều 14")]
    [InlineData("QCVN 01:2021/BXD; TCVN 8794:2011 cl. 3.1 gives 55–70", "QCVN 01:2021/BXD; TCVN 8794:2011, mục 3.1")]
    public void TheLegalBasisIsWrittenInVietnameseWithArticleAndClause(string source, string expected)
    {
        Assert.Equal(expected, NormSource.Vi(source));
    }

    [Fact]
    public void ANoteWithoutALegalTextSaysSo()
    {
        Assert.StartsWith("Mặc định quy hoạch", NormSource.Vi("Planning default; set from the city's figure"), StringComparison.Ordinal);
        Assert.StartsWith("Ước tính", NormSource.Vi("Approximation of the 2019 census age pyramid"), StringComparison.Ordinal);
    }

    [Fact]
    public void APathOutsideTheRepositoryBecomesTheRepositorysNormsFile()
    {
        Assert.Equal("see docs/norms.md", NormSource.WithoutOutsidePaths("see /work/shared/docs/norms.md"));
        Assert.Equal("see docs/norms.md", NormSource.WithoutOutsidePaths("see ../shared/docs/norms.md"));
    }

    [Fact]
    public void EveryBuiltInNormHasAVietnameseBasisWithoutAnOutsidePath()
    {
        foreach (var n in NormsSet.BuiltIn.Values)
        {
            var vi = NormSource.Vi(n.Source);
            Assert.False(string.IsNullOrWhiteSpace(vi), n.Key);
            Assert.DoesNotContain("/work/", vi, StringComparison.Ordinal);
            Assert.DoesNotContain("../", vi, StringComparison.Ordinal);
            if (n.Source.Contains("Circular", StringComparison.Ordinal))
            {
                Assert.Contains("Thông tư", vi, StringComparison.Ordinal);
            }
        }
    }
}
