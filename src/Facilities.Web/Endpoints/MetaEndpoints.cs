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
            var extent = new Envelope();
            foreach (var f in d.Layer("wards")?.Features ?? [])
            {
                if (f.Geometry is { IsEmpty: false } g)
                {
                    extent.ExpandToInclude(g.EnvelopeInternal);
                }
            }

            var last = Math.Max(LastPlanningYear, d.City.Growth.Select(g => g.CompletionYear ?? 0).DefaultIfEmpty(0).Max());
            return Results.Json(new
            {
                dataset = d.FileName,
                title = Facilities.Storage.Sqlite.DatasetTitle.Of(d.Context.Store.Metadata()),
                datasetSha256 = d.Sha256,
                normsVersion = d.Norms.Version,
                toolVersion = DatasetService.ToolVersion,
                levels = DatasetSchema.Levels,
                baseYear = BaseYear,
                years = Enumerable.Range(BaseYear, last - BaseYear + 1),
                methods = new[] { "admin", "catchment" },
                bbox = extent.IsNull ? null : new[] { extent.MinX, extent.MinY, extent.MaxX, extent.MaxY },
                layers = LayerEndpoints.Whole,
                parcelTiles = new { url = "/tiles/parcels/{z}/{x}/{y}.mvt", layer = "parcels", minZoom = tiles.MinZoom, maxZoom = TileEndpoints.MaxZoom },
                tracker = tracker.StoreKind,
                basemapUrl = options.BasemapUrl,
            });
        });
}
