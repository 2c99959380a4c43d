using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
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
    private const int TableSlice = 4096;
    private static readonly IReadOnlyList<HardConstraint> AreaOnly = [HardConstraint.Area];
    private static readonly IReadOnlyList<HardConstraint> LandUseOnly = [HardConstraint.LandUse];
    private readonly CityModel _city;
    private readonly NormsSet _norms;
    private readonly ScreeningOptions _options;
    private readonly SiteGeometry _geometry;
    private readonly SiteScorer _scorer;
    private readonly double _minWidth;
    private readonly WardTypeGrid _wardTypes;

    // PERF (issue 15): the grid depends on the wards alone, and a server screens one city many times (a request per
    // set of options): built once per city, dropped with it.
    private static readonly ConditionalWeakTable<CityModel, WardTypeGrid> WardTypeGrids = [];

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
        // and catchment are computed, once per city (a server screens the same city again with other options).
        var wardTypes = Task.Run(() => WardTypeGrids.GetValue(city, c => new WardTypeGrid(c.Wards)));
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
    public IReadOnlyList<HardConstraint> Check(ParcelUnit parcel)
    {
        var p = new StreamedParcel(parcel);
        return Evaluate(ref p, all: true).Failed;
    }

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

        var tally = new Tally(this);
        var outcomes = new Outcome[ChunkSize];

        void Process(List<ParcelUnit> chunk)
        {
            Parallel.For(0, chunk.Count, i =>
            {
                var p = new StreamedParcel(chunk[i]);
                outcomes[i] = Evaluate(ref p, _options.RecordRejections);
            });
            for (var i = 0; i < chunk.Count; i++)
            {
                tally.Take(outcomes[i], chunk[i], null, 0);
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
        if (filter is not null)
        {
            // The reader has finished, so the filter's counts are final.
            tally.Rejected[(int)HardConstraint.Area] += filter.RejectedOnArea;
            tally.Rejected[(int)HardConstraint.LandUse] += filter.RejectedOnLandUse;
            tally.Screened += filter.RejectedOnArea + filter.RejectedOnLandUse;
        }

        return tally.Finish(c => SiteGeometry.Width(c.Geometry));
    }

    /// <summary>
    /// Screens the parcels of a held table (the dataset's, as a server keeps it): the same rules, counts, candidates
    /// and order as streaming the same parcels in the table's order, and what no option changes (ward, geometric
    /// tests, width) is kept in the table for the next screening.
    /// </summary>
    /// <remarks>
    /// PERF (issue 15): most rows are decided by their area and attribute class, read from two arrays; the geometry is
    /// decoded by row only where a test needs it, and once per table for the rows that reach the geometric tests.
    /// </remarks>
    public ScreeningResult Screen(ParcelTable table)
    {
        var view = new TableScreening(table, _city, LandUse, _minWidth, Inputs.MinIndustrialDistanceM);
        var tally = new Tally(this);
        // Rows of the candidates by their geometry object, which the ranked copies of a candidate share.
        var rows = new Dictionary<Geometry, int>(ReferenceEqualityComparer.Instance);
        var n = table.Count;
        var slices = new TableSliceResult[(n + TableSlice - 1) / TableSlice];
        var record = _options.RecordRejections;
        // PERF: slices of rows, not single rows, per parallel task (most rows cost one comparison); a slice keeps only
        // the outcomes that are more than a count by first failure (candidates, parcels that may merge, recorded
        // rejections), in row order, so the merge below reads a few thousand outcomes instead of a million.
        Parallel.For(0, slices.Length, s =>
        {
            var slice = new TableSliceResult(HardConstraintCodes.All.Max(c => (int)c) + 1);
            for (var row = s * TableSlice; row < Math.Min(n, (s + 1) * TableSlice); row++)
            {
                var p = new TableParcel(view, row);
                var o = Evaluate(ref p, record);
                if (o.Candidate is null && !o.MayMerge && !record)
                {
                    slice.Counted[(int)o.Failed[0]]++;
                }
                else
                {
                    slice.Kept.Add((row, o));
                }
            }

            slices[s] = slice;
        });
        foreach (var slice in slices)
        {
            for (var k = 0; k < slice.Counted.Length; k++)
            {
                tally.Rejected[k] += slice.Counted[k];
                tally.Screened += slice.Counted[k];
            }

            foreach (var (row, o) in slice.Kept)
            {
                if (tally.Take(o, null, table, row) is { } c)
                {
                    rows[c.Geometry] = row;
                }
            }
        }

        var widths = view.Cache.Width;
        return tally.Finish(c =>
        {
            if (!rows.TryGetValue(c.Geometry, out var row))
            {
                return SiteGeometry.Width(c.Geometry); // a merged site
            }

            if (double.IsNaN(widths[row]))
            {
                widths[row] = SiteGeometry.Width(c.Geometry);
            }

            return widths[row];
        });
    }

    // The rules, written once for every source of parcels (IScreenedParcel).
    private Outcome Evaluate<TParcel>(ref TParcel p, bool all)
        where TParcel : struct, IScreenedParcel
    {
        WardUnit? ward = null;
        var located = false;
        var (low, high) = _scorer.MinAreaRange;
        var area = p.AreaM2;
        if (!all && area < low && !(_options.MergeAdjacent && p.IsStateOwned))
        {
            // PERF: below every minimum and not a state parcel that may merge: nothing else is looked at (most parcels).
            return new Outcome(AreaOnly, null, false);
        }

        var allowed = p.AllowedBy(LandUse);
        if (!all && !allowed && area >= low)
        {
            // PERF: rejected whatever its ward, and it cannot merge (its use is not allowed); the ward only says which
            // failure comes first (area in a xã, land use in a phường), and only between the two minimums, where the
            // grid settles it from the parcel's envelope for nearly every parcel (issue 15).
            return area >= high || IsUrban(ref p) ? new Outcome(LandUseOnly, null, false) : new Outcome(AreaOnly, null, false);
        }

        var small = area < low || (area < high && area < _scorer.MinArea(ward = Locate(ref p)));
        if (small && !all)
        {
            // A small state parcel with an allowed use may still be part of a merged site. PERF: its geometry is not
            // kept (the pool of such parcels is large); its envelope is, to find touching neighbours.
            if (!MayMerge(p.IsStateOwned, allowed))
            {
                return new Outcome(AreaOnly, null, false);
            }

            return new Outcome(AreaOnly, null, !p.NearIndustry(_geometry, keep: false) && !p.OverlapsSchool(_geometry, keep: false), p.Envelope(keep: false));
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

        var near = p.NearIndustry(_geometry, keep: true);
        if (near && Fail(HardConstraint.IndustrialDistance))
        {
            return new Outcome(failed, null, false);
        }

        var overlaps = p.OverlapsSchool(_geometry, keep: true);
        if (overlaps && Fail(HardConstraint.SchoolOverlap))
        {
            return new Outcome(failed, null, false);
        }

        if (!p.WideEnough(_minWidth) && Fail(HardConstraint.Width))
        {
            return new Outcome(failed, null, false);
        }

        if (failed.Count > 0)
        {
            // Every test ran (all = true): the same merge rule as the early exit above.
            return new Outcome(failed, null, small && MayMerge(p.IsStateOwned, allowed) && !near && !overlaps, p.Envelope(keep: true));
        }

        return new Outcome(failed, _scorer.Score([p.Unit()], p.Geometry(), located ? ward : Locate(ref p)), false);

        WardUnit? Locate(ref TParcel p)
        {
            located = true;
            return p.Ward(_scorer);
        }

        // Records a failure; true when evaluation stops here.
        bool Fail(HardConstraint c)
        {
            failed.Add(c);
            return !all;
        }
    }

    // Whether the parcel's centroid lies in a phường: from a box around it where the grid settles it, else located.
    private bool IsUrban<TParcel>(ref TParcel p)
        where TParcel : struct, IScreenedParcel
    {
        if (p.Bounds is { } known && _wardTypes.TypeOf(known) is var fromBounds and not WardTypeGrid.Unknown)
        {
            return fromBounds == 1;
        }

        var type = _wardTypes.TypeOf(p.Envelope(keep: true));
        return type == WardTypeGrid.Unknown ? ScreeningInputs.WardType(p.Ward(_scorer)) == 1 : type == 1;
    }

    private bool MayMerge(bool stateOwned, bool allowed) => _options.MergeAdjacent && allowed && stateOwned;

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

    // What a screening gathers from the outcomes, in input order, whatever the source of the parcels.
    private sealed class Tally(ParcelScreener owner)
    {
        private readonly TopCandidates _top = new(owner._options.Top);
        private readonly List<ParcelRejection> _rejections = [];
        private readonly List<(ParcelUnit Parcel, Envelope Envelope)> _pool = [];
        private long _passed;

        // PERF: counted in an array by the enum's value (a million increments), made a dictionary at the end.
        public long[] Rejected { get; } = new long[HardConstraintCodes.All.Max(c => (int)c) + 1];

        public long Screened { get; set; }

        // Takes one parcel's outcome; the parcel is `unit`, or else row `row` of `table` (made a unit only when needed).
        public CandidateSite? Take(in Outcome o, ParcelUnit? unit, ParcelTable? table, int row)
        {
            Screened++;
            if (o.Candidate is { } c)
            {
                _passed++;
                _top.Add(c);
                return c;
            }

            Rejected[(int)o.Failed[0]]++;
            if (owner._options.RecordRejections)
            {
                _rejections.Add(new ParcelRejection(unit?.Id ?? table!.Id(row), o.Failed));
            }

            if (o.MayMerge)
            {
                _pool.Add((unit ?? table!.Unit(row), o.Envelope!));
            }

            return null;
        }

        // The result: merged sites proposed from the pool, the best kept, ranked and measured (`width` of a candidate).
        public ScreeningResult Finish(Func<CandidateSite, double> width)
        {
            var options = owner._options;
            var merged = options.MergeAdjacent ? MergedSites.Propose(_pool, options.MaxMergeParcels, owner._scorer, owner._minWidth) : [];
            merged.ForEach(_top.Add);
            var ranked = _top.InOrder();
            var deficit = owner.Inputs.Deficit;
            var inData = deficit.Rows.ToDictionary(r => r.WardCode, r => r.SchoolsInData, StringComparer.Ordinal);
            // One copy of each candidate, with its rank and the values measured only for the candidates listed.
            Parallel.For(0, ranked.Length, i => ranked[i] = ranked[i] with
            {
                Rank = i + 1,
                WidthM = width(ranked[i]),
                WardSchoolsInData = inData.GetValueOrDefault(ranked[i].WardCode),
            });
            return new ScreeningResult
            {
                Options = options,
                Norms = owner._norms,
                Candidates = ranked,
                ParcelsScreened = Screened,
                ParcelsPassed = _passed,
                RejectedBy = HardConstraintCodes.All.ToDictionary(c => c, c => Rejected[(int)c]),
                MergedPassed = merged.Count,
                Rejections = _rejections,
                NormKeysUsed = owner.NormKeysUsed,
                WardsWithoutSchoolData = [.. deficit.Rows.Where(r => r.SchoolsInData == 0).Select(r => r.WardCode)],
            };
        }
    }

    // One slice of a table's rows: the rows only counted, by first failure, and the outcomes kept, in row order.
    private sealed class TableSliceResult(int codes)
    {
        public long[] Counted { get; } = new long[codes];

        public List<(int Row, Outcome Outcome)> Kept { get; } = [];
    }

    private readonly record struct Outcome(IReadOnlyList<HardConstraint> Failed, CandidateSite? Candidate, bool MayMerge, Envelope? Envelope = null);
}
