namespace Facilities.Core.Schema;

/// <summary>The contract of one dataset layer: name, geometry, identifying field and fields.</summary>
/// <param name="Name">Layer (table) name in the dataset.</param>
/// <param name="Geometry">Accepted geometry.</param>
/// <param name="IdField">Field that identifies a feature and must be unique.</param>
/// <param name="Fields">Fields in output order.</param>
public sealed record LayerSchema(string Name, GeometryKind Geometry, string IdField, IReadOnlyList<FieldSpec> Fields)
{
    /// <summary>The field spec by name, or null.</summary>
    public FieldSpec? Field(string name)
    {
        foreach (var f in Fields)
        {
            if (f.Name == name)
            {
                return f;
            }
        }

        return null;
    }
}
