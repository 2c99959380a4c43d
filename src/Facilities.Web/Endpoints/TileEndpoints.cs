using Facilities.Web.Tiles;

namespace Facilities.Web.Endpoints;

/// <summary>/tiles/parcels/{z}/{x}/{y}.mvt: parcels as Mapbox vector tiles (XYZ scheme, y from the north).</summary>
internal static class TileEndpoints
{
    /// <summary>
    /// Below this zoom a tile would carry tens of thousands of parcels (a city of 1,000,000 parcels has ~3,500 in a
    /// z14 tile), too many to draw: the answer is 204 and the client shows the layer from here on.
    /// </summary>
    public const int MinZoom = 14;

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

            var bytes = z < MinZoom ? null : tiles.Tile(z, x, y);
            response.Headers.CacheControl = "public, max-age=300";
            return bytes is null ? Results.NoContent() : Results.Bytes(bytes, ContentType);
        });
}
