namespace Facilities.Core.Features;

/// <summary>Storage type of an attribute field.</summary>
public enum FieldType
{
    /// <summary>UTF-8 text.</summary>
    Text,

    /// <summary>64-bit integer.</summary>
    Integer,

    /// <summary>Double-precision number.</summary>
    Real,
}
