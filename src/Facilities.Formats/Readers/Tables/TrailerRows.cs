using Facilities.Core.Schema;

namespace Facilities.Formats.Readers.Tables;

/// <summary>
/// Rows of an agency form that are not data: the column-number row under the header ("(1) (2) (3)"), and the block
/// below the list ("Tổng cộng", "Người lập biểu", "Hải Phòng, ngày … tháng … năm …", signatures).
/// </summary>
public static class TrailerRows
{
    private static readonly string[] Starts =
        ["tong_cong", "tong_so", "tong", "cong", "nguoi_lap", "lap_bieu", "thu_truong", "hieu_truong", "giam_doc",
         "ghi_chu", "xac_nhan", "ky_ten", "noi_nhan", "tm_", "kt_"];

    /// <summary>Whether the row's first text says the list has ended.</summary>
    public static bool IsTrailer(TableRow row)
    {
        var first = row.Cells.Select(CellText.Of).FirstOrDefault(t => t.Length > 0);
        if (first is null || CellText.TryNumber(first, out _))
        {
            return false;
        }

        var key = NameNormalizer.Normalize(first);
        return Starts.Any(s => key == s.TrimEnd('_') || key.StartsWith(s.EndsWith('_') ? s : s + "_", StringComparison.Ordinal))
            || (key.Contains("ngay", StringComparison.Ordinal) && key.Contains("thang", StringComparison.Ordinal) && key.Contains("nam", StringComparison.Ordinal));
    }

    /// <summary>Whether the row only numbers the columns: 1, 2, 3 … or (1), (2), (3) …, at least three of them.</summary>
    public static bool IsColumnNumbers(TableRow row)
    {
        var texts = row.Cells.Select(CellText.Of).Where(t => t.Length > 0).ToList();
        if (texts.Count < 3)
        {
            return false;
        }

        for (var i = 0; i < texts.Count; i++)
        {
            var t = texts[i].Trim('(', ')');
            if (!int.TryParse(t, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n != i + 1)
            {
                return false;
            }
        }

        return true;
    }
}
