using Facilities.Core.Provenance;
using Facilities.Core.Results;

namespace Facilities.IO.Tests.Results;

/// <summary>What <see cref="ResultTable.Build{T}"/> hands every writer: values of the field's kind, null for no data.</summary>
public sealed class ResultTableTests
{
    private static readonly ResultStamp Stamp = new("facilities test", "test", "t.gpkg", "00", "1", "00", "", []);

    private sealed record Row(string Ward, int Schools, decimal Ratio, string Unknown, string Name);

    [Fact]
    public void Values_are_normalised_to_their_kind_and_an_empty_text_in_a_number_column_is_no_data_while_text_keeps_it()
    {
        IReadOnlyList<ResultColumn<Row>> columns =
        [
            new("ward_code", "Mã xã/phường", "Ward code", ResultKind.Text, r => r.Ward),
            new("schools", "Số trường", "Schools", ResultKind.Integer, r => r.Schools),
            new("room_ratio", "Phòng/lớp", "Rooms per class", ResultKind.Ratio, r => r.Ratio),
            new("teachers", "Giáo viên", "Teachers", ResultKind.Integer, r => r.Unknown),
            new("school_name", "Tên trường", "School name", ResultKind.Text, r => r.Name),
        ];

        var table = ResultTable.Build("t", [new Row("31190", 3, 1.5m, "", "")], columns, r => r.Ward, _ => null, Stamp);

        Assert.Equal(new object?[] { "31190", 3L, 1.5d, null, "" }, table.Rows[0].Values);
        Assert.Equal("31190", table.Rows[0].Key);
        Assert.Equal(3L, table.Value(table.Rows[0], "schools"));
        Assert.Equal(-1, table.IndexOf("nothing"));
    }

    [Fact]
    public void Where_keeps_the_rows_of_one_value_with_the_same_fields_and_stamp_under_a_new_name()
    {
        IReadOnlyList<ResultColumn<(string Ward, string Level)>> columns =
        [
            ResultColumns.Text<(string Ward, string Level)>("ward_code", "Mã xã/phường", "Ward code", r => r.Ward),
            ResultColumns.Level<(string Ward, string Level)>(r => r.Level),
        ];
        var table = ResultTable.Build("deficit", new (string Ward, string Level)[] { ("1", "thcs"), ("1", "tieu_hoc"), ("2", "thcs") }, columns, r => r.Ward + ":" + r.Level, _ => null, Stamp);

        var thcs = table.Where("level", "thcs", "deficit_thcs");

        Assert.Equal("deficit_thcs", thcs.Name);
        Assert.Equal(["1:thcs", "2:thcs"], thcs.Rows.Select(r => r.Key));
        Assert.Same(table.Fields, thcs.Fields);
        Assert.Same(Stamp, thcs.Stamp);
    }
}
