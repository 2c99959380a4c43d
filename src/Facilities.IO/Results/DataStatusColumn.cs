using Facilities.Core.Presentation;

namespace Facilities.IO.Results;

/// <summary>The data_status column: the code in CSV, GeoPackage and the web API, its Vietnamese label in XLSX.</summary>
public static class DataStatusColumn
{
    /// <summary>A status column named <paramref name="name"/> reading the code with <paramref name="code"/>.</summary>
    public static ResultColumn<T> Of<T>(string name, string vi, Func<T, string> code) => ViColumn.Label(name, vi, Labels.DataStatus, code);
}
