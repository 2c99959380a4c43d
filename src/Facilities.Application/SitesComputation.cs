using Facilities.Core.Screening;

namespace Facilities.Application;

/// <summary>Parcels that could take a new school (<c>facilities sites</c>, <c>/api/sites</c>).</summary>
public static class SitesComputation
{
    /// <summary>
    /// Screens the dataset's parcels: from the table the context holds when it holds one (the map app's server, which
    /// screens many times), else as streamed from its store, rows rejected on their area or land-use codes counted
    /// without reading their geometry (the screener's attribute filter). The same rules and the same result either way.
    /// </summary>
    public static Computed<SitesRun> Run(DatasetContext d, ScreeningOptions options)
    {
        Facilities.Core.Diagnostics.PhaseTrace.Mark("sites: start");
        var city = d.City;
        Facilities.Core.Diagnostics.PhaseTrace.Mark("city loaded");
        var screener = new ParcelScreener(city, d.Norms, options);
        Facilities.Core.Diagnostics.PhaseTrace.Mark("screener built");
        ScreeningResult result;
        if (d.HoldsParcels)
        {
            result = screener.Screen(d.Parcels);
        }
        else
        {
            var filter = screener.CreateAttributeFilter();
            result = screener.Screen(d.Store.StreamParcels(city.MetricCrs, filter), filter);
        }

        Facilities.Core.Diagnostics.PhaseTrace.Mark("screened");
        // The screener names the norms its score depends on (ScreeningResult.NormKeysUsed): its deficit also reads the
        // subject-room norms, which do not enter the score, so a read log would over-report them.
        return Stamps.Of(d, new SitesRun(result, screener.LandUse), "sites", options.Describe(),
            [.. result.UnconfirmedNormsUsed().Select(n => n.Key)], result.MissingSchoolDataWarnings());
    }
}
