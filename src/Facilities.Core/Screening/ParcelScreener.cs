using System.Collections.Concurrent;
using Facilities.Core.Deficit;
using Facilities.Core.Model;
using Facilities.Core.Norms;
using NetTopologySuite.Geometries;

namespace Facilities.Core.Screening;

/// <summary>
/// Screens land parcels for a new school of one level: hard constraints first (a parcel failing one is never
/// flagged), then a soft score broken down by criterion, plus merged sites of touching small state parcels
/// (docs/sites.md). Build once per run; <see cref="Screen(IEnumerable{ParcelUnit})"/> streams any number of parcels
/// and keeps only the best <see cref="ScreeningOptions.Top"/>, the small state parcels that may merge, and the
/// rejection counts.
/// </summary>
/// <remarks>
/// PERF: tests run cheapest first (area, a number; land use, strings; then envelopes before any geometry
/// operation; the inscribed circle last), and parcels are evaluated in parallel chunks whose outcomes are merged
/// in input order, so the result does not depend on the number of threads.
/// </remarks>
public sealed class ParcelScreener
{
    private const int ChunkSize = 8192;
    private static readonly IReadOnlyList<HardConstraint> AreaOnly = [HardConstraint.Area];
    private static readonly IReadOnlyList<HardConstraint> LandUseOnly = [HardConstraint.LandUse];
    private readonly CityModel _city;
    private readonly NormsSet _norms;
    private readonly ScreeningOptions _options;
    private readonly SiteGeometry _geometry;
    private readonly SiteScorer _scorer;
    private readonly double _minWidth;
    private readonly WardTypeGrid _wardTypes;

    /// <summary>Computes the deficit and catchment of the level and indexes the city for screening.</summary>
    /// <param name="city">The city, in its metric CRS (its parcels are not needed here).</param>
    /// <param name="norms">Norms, with the screening.* values.</param>
    /// <param name="options">Level, year and the rest.</param>
    public ParcelScreener(CityModel city, NormsSet norms, ScreeningOptions options)
    {
        if (!Schema.DatasetSchema.Levels.Contains(options.Level))
        {
            throw new ArgumentException($"unknown level '{options.Level}'; levels are {string.Join(", ", Schema.DatasetSchema.Levels)}");
        }

        _city = city;
        _norms = norms;
        _options = options;
        LandUse = new LandUseRule(norms, options);
        // PERF (issue 15): the ward-type grid (about 0.25 s for 120 wards) is built on another core while the deficit
        // and catchment are computed.
        var wardTypes = Task.Run(() => new WardTypeGrid(city.Wards));
        Inputs = ScreeningInputs.Build(city, norms, options);
        _minWidth = Inputs.MinWidthM;
        _geometry = new SiteGeometry(city, Inputs.MinIndustrialDistanceM);
        Diagnostics.PhaseTrace.Mark("screener: inputs");
        _scorer = new SiteScorer(city, Inputs);
        Diagnostics.PhaseTrace.Mark("screener: scorer");
        _wardTypes = wardTypes.GetAwaiter().GetResult();
        NormKeysUsed = KeysUsed(Inputs.Deficit);
    }

    /// <summary>The thresholds and demand-grid values this screener uses (the PostGIS mirror loads the same).</summary>
    public ScreeningInputs Inputs { get; }

    /// <summary>The land-use rule in effect.</summary>
    public LandUseRule LandUse { get; }

    /// <summary>Keys of the norms a screening with these options reads.</summary>
    public IReadOnlyList<string> NormKeysUsed { get; }

    /// <summary>Every hard constraint <paramref name="parcel"/> fails, in test order (empty: it passes).</summary>
    public IReadOnlyList<HardConstraint> Check(ParcelUnit parcel) => Evaluate(parcel, all: true).Failed;

    /// <summary>Screens the city's own parcels.</summary>
    public ScreeningResult Screen() => Screen(_city.Parcels);

    /// <summary>
    /// A filter a reader of this screener's parcels may apply to each row's attributes before reading its id and
    /// geometry; pass it to <see cref="Screen(IEnumerable{ParcelUnit}, AttributeFilter?)"/> with the filtered stream.
    /// </summary>
    public AttributeFilter CreateAttributeFilter()
    {
        var (low, high) = _scorer.MinAreaRange;
        return new AttributeFilter(this, low, high, LandUse, _wardTypes, _options);
    }

    /// <summary>Screens a stream of parcels (in the city's metric CRS), holding only a chunk of them at a time.</summary>
    public ScreeningResult Screen(IEnumerable<ParcelUnit> parcels) => Screen(parcels, null);

    /// <summary>
    /// Screens a stream of parcels from which a reader left out the rows <paramref name="filter"/> rejected; their
    /// rejections count as if they had been screened here (same result as screening every row).
    /// </summary>
    /// <param name="parcels">The parcels the filter let through, in the city's metric CRS.</param>
    /// <param name="filter">The filter the reader applied (from this screener), or null when it applied none.</param>
    public ScreeningResult Screen(IEnumerable<ParcelUnit> parcels, AttributeFilter? filter)
    {
        if (filter is not null && filter.Owner != this)
        {
            throw new ArgumentException("the attribute filter was made by another screener", nameof(filter));
        }

        var top = new TopCandidates(_options.Top);
        // PERF: counted in an array by the enum's value (a million increments), made a dictionary at the end.
        var rejected = new long[HardConstraintCodes.All.Max(c => (int)c) + 1];
        var rejections = new List<ParcelRejection>();
        var pool = new List<(ParcelUnit Parcel, Envelope Envelope)>();
        long screened = 0, passed = 0;
        var outcomes = new Outcome[ChunkSize];

        void Process(List<ParcelUnit> chunk)
        {
            Parallel.For(0, chunk.Count, i => outcomes[i] = Evaluate(chunk[i], _options.RecordRejections));
            for (var i = 0; i < chunk.Count; i++)
            {
                var o = outcomes[i];
                screened++;
                if (o.Candidate is { } c)
                {
                    passed++;
                    top.Add(c);
                    continue;
                }

                rejected[(int)o.Failed[0]]++;
                if (_options.RecordRejections)
                {
                    rejections.Add(new ParcelRejection(chunk[i].Id, o.Failed));
                }

                if (o.MayMerge)
                {
                    pool.Add((chunk[i], o.Envelope!));
                }
            }
        }

        // PERF: one thread reads the next chunks (a file, for the sites command) while the workers test this one.
        using var cancel = new CancellationTokenSource();
        using var queue = new BlockingCollection<List<ParcelUnit>>(boundedCapacity: 2);
        var reader = Task.Factory.StartNew(() =>
        {
            try
            {
                var chunk = new List<ParcelUnit>(ChunkSize);
                foreach (var p in parcels)
                {
                    chunk.Add(p);
                    if (chunk.Count == ChunkSize)
                    {
                        queue.Add(chunk, cancel.Token);
                        chunk = new List<ParcelUnit>(ChunkSize);
                    }
                }

                queue.Add(chunk, cancel.Token);
            }
            finally
            {
                queue.CompleteAdding();
            }
        }, cancel.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            foreach (var chunk in queue.GetConsumingEnumerable())
            {
                Process(chunk);
            }
        }
        catch
        {
            cancel.Cancel();
            Task.WaitAny(reader);
            throw;
        }

        reader.GetAwaiter().GetResult(); // a failure while reading surfaces here
        var rejectedBy = HardConstraintCodes.All.ToDictionary(c => c, c => rejected[(int)c]);
        if (filter is not null)
        {
            // The reader has finished, so the filter's counts are final.
            rejectedBy[HardConstraint.Area] += filter.RejectedOnArea;
            rejectedBy[HardConstraint.LandUse] += filter.RejectedOnLandUse;
            screened += filter.RejectedOnArea + filter.RejectedOnLandUse;
        }

        var merged = _options.MergeAdjacent ? MergedSites.Propose(pool, _options.MaxMergeParcels, _scorer, _minWidth) : [];
        merged.ForEach(top.Add);
        var ranked = top.Ranked().ToArray();
        var inData = Inputs.Deficit.Rows.ToDictionary(r => r.WardCode, r => r.SchoolsInData, StringComparer.Ordinal);
        Parallel.For(0, ranked.Length, i => ranked[i] = ranked[i] with
        {
            WidthM = SiteGeometry.Width(ranked[i].Geometry),
            WardSchoolsInData = inData.GetValueOrDefault(ranked[i].WardCode),
        });
        return new ScreeningResult
        {
            Options = _options,
            Norms = _norms,
            Candidates = ranked,
            ParcelsScreened = screened,
            ParcelsPassed = passed,
            RejectedBy = rejectedBy,
            MergedPassed = merged.Count,
            Rejections = rejections,
            NormKeysUsed = NormKeysUsed,
            WardsWithoutSchoolData = [.. Inputs.Deficit.Rows.Where(r => r.SchoolsInData == 0).Select(r => r.WardCode)],
        };
    }

    private Outcome Evaluate(ParcelUnit p, bool all)
    {
        WardUnit? ward = null;
        var located = false;
        var (low, high) = _scorer.MinAreaRange;
        if (!all && p.AreaM2 < low && !(_options.MergeAdjacent && p.OwnerType == "state"))
        {
            // PERF: below every minimum and not a state parcel that may merge: nothing else is looked at (most parcels).
            return new Outcome(AreaOnly, null, false);
        }

        var allowed = LandUse.Allows(p);
        if (!all && !allowed && p.AreaM2 >= low)
        {
            // PERF: rejected whatever its ward, and it cannot merge (its use is not allowed); the ward only says which
            // failure comes first (area in a xã, land use in a phường), and only between the two minimums, where the
            // grid settles it from the parcel's envelope for nearly every parcel (issue 15).
            return p.AreaM2 >= high || IsUrban(p) ? new Outcome(LandUseOnly, null, false) : new Outcome(AreaOnly, null, false);
        }

        var small = p.AreaM2 < low || (p.AreaM2 < high && p.AreaM2 < _scorer.MinArea(ward = Locate()));
        if (small && !all)
        {
            // A small state parcel with an allowed use may still be part of a merged site. PERF: its geometry is not
            // kept (the pool of such parcels is large); its envelope is, to find touching neighbours.
            if (!MayMerge(p, allowed))
            {
                return new Outcome(AreaOnly, null, false);
            }

            var g = p.Peek();
            return new Outcome(AreaOnly, null, !_geometry.NearIndustry(g) && !_geometry.OverlapsSchool(g), g.EnvelopeInternal);
        }

        var failed = new List<HardConstraint>(2);
        if (small)
        {
            failed.Add(HardConstraint.Area);
        }

        if (!allowed)
        {
            failed.Add(HardConstraint.LandUse);
        }

        var near = _geometry.NearIndustry(p.Geometry);
        if (near && Fail(HardConstraint.IndustrialDistance))
        {
            return new Outcome(failed, null, false);
        }

        var overlaps = _geometry.OverlapsSchool(p.Geometry);
        if (overlaps && Fail(HardConstraint.SchoolOverlap))
        {
            return new Outcome(failed, null, false);
        }

        if (!SiteGeometry.IsWideEnough(p.Geometry, _minWidth) && Fail(HardConstraint.Width))
        {
            return new Outcome(failed, null, false);
        }

        if (failed.Count > 0)
        {
            // Every test ran (all = true): the same merge rule as the early exit above.
            return new Outcome(failed, null, small && MayMerge(p, allowed) && !near && !overlaps, p.Geometry.EnvelopeInternal);
        }

        return new Outcome(failed, _scorer.Score([p], p.Geometry, located ? ward : Locate()), false);

        WardUnit? Locate()
        {
            located = true;
            return _scorer.Locate(p.Geometry.Centroid.Coordinate);
        }

        // Records a failure; true when evaluation stops here.
        bool Fail(HardConstraint c)
        {
            failed.Add(c);
            return !all;
        }
    }

    // Whether the parcel's centroid lies in a phường: from its envelope where the grid settles it, else located.
    private bool IsUrban(ParcelUnit p)
    {
        if (p.Bounds is { } known && _wardTypes.TypeOf(known) is var fromBounds and not WardTypeGrid.Unknown)
        {
            return fromBounds == 1;
        }

        // Kept (not peeked): a caller that screens the same parcels again (serve, the warm benchmark) finds it decoded.
        var g = p.Geometry;
        var type = _wardTypes.TypeOf(g.EnvelopeInternal);
        return type == WardTypeGrid.Unknown ? ScreeningInputs.WardType(_scorer.Locate(g.Centroid.Coordinate)) == 1 : type == 1;
    }

    private bool MayMerge(ParcelUnit p, bool allowed) => _options.MergeAdjacent && allowed && p.OwnerType == "state";

    private List<string> KeysUsed(DeficitResult deficit)
    {
        var l = _options.Level;
        var keys = new List<string>
        {
            $"min_classes.{l}", $"class_cap.{l}", $"land_per_pupil_m2.{l}", $"land_per_pupil_urban_m2.{l}",
            $"service_radius_m.{l}.urban", $"service_radius_m.{l}.rural", $"places_per_1000.{l}",
            (_options.TwoSessions ? "room_ratio_two_sessions." : "room_ratio.") + l,
            "screening.min_distance_industrial_m", "screening.min_width_m",
        };
        if (_options.ConvertibleLandUses is null)
        {
            keys.AddRange(LandUse.Convertible.Select(c => LandUseRule.ConvertiblePrefix + c));
        }

        // The deficit's subject-room figures do not enter the score.
        keys.AddRange(deficit.UnconfirmedNormsUsed().Select(n => n.Key).Where(k => !k.StartsWith("subject_rooms_required.", StringComparison.Ordinal)));
        return [.. keys.Where(_norms.Contains).Distinct().Order(StringComparer.Ordinal)];
    }

    private readonly record struct Outcome(IReadOnlyList<HardConstraint> Failed, CandidateSite? Candidate, bool MayMerge, Envelope? Envelope = null);
}
