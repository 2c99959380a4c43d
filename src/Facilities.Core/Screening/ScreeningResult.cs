using Facilities.Core.Norms;

namespace Facilities.Core.Screening;

/// <summary>The outcome of a screening run: ranked candidates, what was rejected and why, and what made it.</summary>
public sealed record ScreeningResult
{
    /// <summary>Run options.</summary>
    public required ScreeningOptions Options { get; init; }

    /// <summary>Norms used.</summary>
    public required NormsSet Norms { get; init; }

    /// <summary>Candidates best first (score descending, then id), at most <see cref="ScreeningOptions.Top"/>.</summary>
    public required IReadOnlyList<CandidateSite> Candidates { get; init; }

    /// <summary>Parcels screened.</summary>
    public required long ParcelsScreened { get; init; }

    /// <summary>Single parcels that pass every hard constraint (before the top-N cut).</summary>
    public required long ParcelsPassed { get; init; }

    /// <summary>Rejected parcels counted by the first constraint they fail (in test order).</summary>
    public required IReadOnlyDictionary<HardConstraint, long> RejectedBy { get; init; }

    /// <summary>Merged sites that pass every hard constraint (before the top-N cut).</summary>
    public required int MergedPassed { get; init; }

    /// <summary>Every rejected parcel with all its failures, when <see cref="ScreeningOptions.RecordRejections"/> is on.</summary>
    public required IReadOnlyList<ParcelRejection> Rejections { get; init; }

    /// <summary>Keys of the norms the run read.</summary>
    public required IReadOnlyList<string> NormKeysUsed { get; init; }

    /// <summary>The norms this run read that are marked unconfirmed, so outputs can say so.</summary>
    public IReadOnlyList<NormValue> UnconfirmedNormsUsed() => [.. Norms.Values.Where(v => v.IsUnconfirmed && NormKeysUsed.Contains(v.Key))];

    /// <summary>
    /// Wards with no school of the level in the data. POLICY: their need still scores sites (a ward that truly has no
    /// school needs one most), so the sites there are flagged and the stamp warns instead (docs/deficit.md).
    /// </summary>
    public IReadOnlyList<string> WardsWithoutSchoolData { get; init; } = [];

    /// <summary>The warning for the stamp and the console: how many wards lack school data and how many listed sites lie in them.</summary>
    public IReadOnlyList<Validation.LocalizedText> MissingSchoolDataWarnings()
    {
        var n = Candidates.Count(c => c.WardSchoolsInData == 0).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Deficit.SchoolDataStatus.Warnings(WardsWithoutSchoolData.Select(w => (Options.Level, w)),
            $"nhu cầu ở đó có thể là do thiếu dữ liệu; {n} địa điểm trong danh sách nằm ở các xã/phường này",
            $"their need may be missing data; {n} listed sites lie in those wards");
    }
}
