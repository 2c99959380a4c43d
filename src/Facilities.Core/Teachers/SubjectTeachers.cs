namespace Facilities.Core.Teachers;

/// <summary>Teachers of one subject for a row.</summary>
/// <param name="Needed">ceil(classes × subject teachers per class); null when classes are unknown.</param>
/// <param name="Available">Reported teachers of the subject, null when no school reports them.</param>
/// <param name="Unknown">Schools of the row that do not report the subject.</param>
public sealed record SubjectTeachers(long? Needed, long? Available, int Unknown)
{
    /// <summary>Needed − available, or null when some school's figure (or its classes) is unknown.</summary>
    public long? Shortfall => Unknown == 0 && Available is long a && Needed is long n ? n - a : null;
}
