namespace Facilities.Core.Screening;

/// <summary>Stable snake_case codes and Vietnamese labels of the hard constraints, for outputs.</summary>
public static class HardConstraintCodes
{
    /// <summary>Every constraint in test order.</summary>
    public static IReadOnlyList<HardConstraint> All { get; } = Enum.GetValues<HardConstraint>();

    /// <summary>The code: area, land_use, industrial_distance, school_overlap, width.</summary>
    public static string Code(this HardConstraint constraint) => constraint switch
    {
        HardConstraint.Area => "area",
        HardConstraint.LandUse => "land_use",
        HardConstraint.IndustrialDistance => "industrial_distance",
        HardConstraint.SchoolOverlap => "school_overlap",
        _ => "width",
    };

    /// <summary>The constraint in Vietnamese.</summary>
    public static string Vi(this HardConstraint constraint) => constraint switch
    {
        HardConstraint.Area => "diện tích nhỏ hơn tối thiểu",
        HardConstraint.LandUse => "loại đất không phù hợp",
        HardConstraint.IndustrialDistance => "quá gần khu công nghiệp",
        HardConstraint.SchoolOverlap => "trùng khuôn viên trường hiện có",
        _ => "quá hẹp (bề rộng nhỏ hơn tối thiểu)",
    };
}
