using Facilities.Core.Diagnostics;
using Facilities.Web.Tiles;

namespace Facilities.Web.Endpoints;

/// <summary>
/// /tiles/parcels/{z}/{x}/{y}.mvt: parcels as Mapbox vector tiles (XYZ scheme, y from the north); 204 for an empty
/// tile and below <see cref="ParcelTiles.MinZoom"/>, where a tile would carry too many parcels to draw.
/// </summary>
internal static class TileEndpoints
{
    /// <summary>Highest zoom served.</summary>
    public const int MaxZoom = 22;

    public const string ContentType = "application/vnd.mapbox-vector-tile";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/tiles/parcels/{z:int}/{x:int}/{y:int}.mvt", (int z, int x, int y, ParcelTiles tiles, HttpResponse response) =>
        {
            if (z is < 0 or > MaxZoom || x < 0 || y < 0 || x >= 1 << z || y >= 1 << z)
            {
                return ApiError.NotFound($"không có ô {z}/{x}/{y} (z 0..{MaxZoom}).", $"no tile {z}/{x}/{y} (z 0..{MaxZoom}).");
            }

            PhaseTrace.Mark("tile: request");
            var bytes = z < tiles.MinZoom ? null : tiles.Tile(z, x, y);
            PhaseTrace.Mark("tile: cut");
            response.Headers.CacheControl = "public, max-age=300";
            return bytes is null ? Results.NoContent() : Results.Bytes(bytes, ContentType);
        });
}
