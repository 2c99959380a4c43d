namespace Facilities.Core.Features;

/// <summary>
/// A source column that a table reader turned into the geometry (a WKT column, or one coordinate of a pair), so the
/// import's mapping report can say where every column went, these included.
/// </summary>
/// <param name="Column">Column name as the file spells it.</param>
/// <param name="RoleVi">What it held, in Vietnamese ("hình học: toạ độ Bắc (northing)").</param>
/// <param name="RoleEn">What it held, in English ("geometry: northing").</param>
public sealed record GeometrySource(string Column, string RoleVi, string RoleEn);
