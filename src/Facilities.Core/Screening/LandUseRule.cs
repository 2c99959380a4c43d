using Facilities.Core.Model;
using Facilities.Core.Norms;

namespace Facilities.Core.Screening;

/// <summary>
/// Which land may take a school: education land (DGD) now or in the plan; public land of a convertible type owned by
/// the state; residential plots (ODT, ONT) only when the city allows them.
/// </summary>
/// <remarks>
/// DGD is the cadastral code of đất xây dựng cơ sở giáo dục và đào tạo (docs/norms.md §5). POLICY: a
/// parcel whose planned use is DGD passes whatever its owner (the plan already assigns it to education; the land
/// status criterion of the score then ranks household land last); a convertible code passes only on state land;
/// an unknown owner is not state land.
/// </remarks>
public sealed class LandUseRule
{
    /// <summary>Education land.</summary>
    public const string EducationCode = "DGD";

    /// <summary>Norm key prefix of convertible codes: screening.convertible.&lt;CODE&gt; = 1.</summary>
    public const string ConvertiblePrefix = "screening.convertible.";

    /// <summary>Residential land codes: đất ở đô thị, đất ở nông thôn.</summary>
    public static readonly IReadOnlyList<string> ResidentialCodes = ["ODT", "ONT"];

    private readonly HashSet<string> _convertible;
    private readonly bool _allowResidential;

    /// <summary>The rule for <paramref name="options"/>, with the convertible codes from the norms unless the options list them.</summary>
    public LandUseRule(NormsSet norms, ScreeningOptions options)
    {
        Convertible = options.ConvertibleLandUses is { } listed
            ? [.. listed.Select(Normalise).Distinct().Order(StringComparer.Ordinal)]
            : [.. norms.Values.Where(v => v.Key.StartsWith(ConvertiblePrefix, StringComparison.Ordinal) && v.Value != 0)
                .Select(v => Normalise(v.Key[ConvertiblePrefix.Length..])).Distinct().Order(StringComparer.Ordinal)];
        _convertible = [.. Convertible];
        _allowResidential = options.AllowResidential;
    }

    /// <summary>Convertible public-land codes in effect, sorted.</summary>
    public IReadOnlyList<string> Convertible { get; }

    /// <summary>Whether the parcel's land use or planned land use allows a school.</summary>
    public bool Allows(ParcelUnit parcel) => Allows(parcel.LandUse, parcel.PlannedLandUse, parcel.OwnerType);

    /// <summary>Whether this land use, planned land use and owner type allow a school.</summary>
    public bool Allows(string landUse, string? plannedLandUse, string? ownerType)
    {
        var use = Normalise(landUse);
        if (use == EducationCode || (plannedLandUse is not null && Normalise(plannedLandUse) == EducationCode))
        {
            return true;
        }

        if (_convertible.Contains(use) && ownerType == "state")
        {
            return true;
        }

        return _allowResidential && ResidentialCodes.Contains(use);
    }

    // Cadastral codes are upper-case letters; data typed by hand may carry spaces or lower case.
    private static string Normalise(string code) => code.Trim().ToUpperInvariant();
}
