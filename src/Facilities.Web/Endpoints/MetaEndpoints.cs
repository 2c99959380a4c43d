using Facilities.Core.Diagnostics;
using Facilities.Core.Schema;
using Facilities.Web.Tracker;
using NetTopologySuite.Geometries;

namespace Facilities.Web.Endpoints;

/// <summary>/api/meta: what the client needs before it draws anything.</summary>
internal static class MetaEndpoints
{
    /// <summary>The year the dataset describes (schools and population as of 2025), the default of <c>?year=</c>.</summary>
    public const int BaseYear = 2025;

    /// <summary>Last year the year slider offers, unless a growth area completes later.</summary>
    public const int LastPlanningYear = 2040;

    public static void Map(IEndpointRouteBuilder app, WebOptions options) =>
        app.MapGet("/api/meta", (DatasetService d, TrackerContext tracker, Tiles.ParcelTiles tiles) =>
        {
            PhaseTrace.Mark("meta: request");
            var extent = new Envelope();
            foreach (var f in d.Layer("wards")?.Features ?? [])
            {
                if (f.Geometry is { IsEmpty: false } g)
                {
                    extent.ExpandToInclude(g.EnvelopeInternal);
                }
            }

            PhaseTrace.Mark("meta: wards read");
            var last = Math.Max(LastPlanningYear, LastCompletion(d));
            PhaseTrace.Mark("meta: growth years read");
            var title = Facilities.Storage.Sqlite.DatasetTitle.Of(d.Context.Store.Metadata());
            var sha = d.Sha256;
            PhaseTrace.Mark("meta: title and hash");
            var minZoom = tiles.MinZoom;
            PhaseTrace.Mark("meta: minZoom");
            return Results.Json(new
            {
                dataset = d.FileName,
                title,
                datasetSha256 = sha,
                normsVersion = d.Norms.Version,
                toolVersion = DatasetService.ToolVersion,
                levels = DatasetSchema.Levels,
                baseYear = BaseYear,
                years = Enumerable.Range(BaseYear, last - BaseYear + 1),
                methods = new[] { "admin", "catchment" },
                bbox = extent.IsNull ? null : new[] { extent.MinX, extent.MinY, extent.MaxX, extent.MaxY },
                layers = LayerEndpoints.Whole,
                parcelTiles = new { url = "/tiles/parcels/{z}/{x}/{y}.mvt", layer = "parcels", minZoom, maxZoom = TileEndpoints.MaxZoom },
                tracker = tracker.StoreKind,
                basemapUrl = options.BasemapUrl,
            });
        });

    /// <summary>
    /// The latest completion year of a growth area (a new urban area or industrial zone), 0 when none states one: what
    /// <see cref="Facilities.Core.Model.CityModel.Growth"/> carries, read from those two small layers. PERF (issue 15):
    /// not through the city model, whose load (every school located in its ward and reprojected: 17,085 schools on the
    /// 1,000,000-parcel city) was most of the first /api/meta's time; the model loads with the first result instead.
    /// </summary>
    private static int LastCompletion(DatasetService d)
    {
        var last = 0;
        foreach (var layer in new[] { "urban_areas", "industrial_zones" })
        {
            foreach (var f in d.Layer(layer)?.Features ?? [])
            {
                if (f["completion_year"] is long year)
                {
                    last = Math.Max(last, (int)year);
                }
            }
        }

        return last;
    }
}
