using System.Text.Json;
using Facilities.Core.Features;
using Facilities.Web.Endpoints;
using Facilities.Web.Tiles;
using NetTopologySuite.Geometries;

namespace Facilities.Web.Ogc;

/// <summary>
/// The features of one OGC collection: a whole layer, the parcels from the in-memory index, or a computed result
/// (<paramref name="table"/>, see <see cref="OgcResults"/>).
/// </summary>
internal sealed class OgcSource(string id, DatasetService dataset, ParcelTiles parcels, OgcResultTable? table = null)
{
    /// <summary>The properties a parcel feature carries (the in-memory index keeps only these).</summary>
    private static readonly List<FieldInfo> ParcelFields =
        [new("id", FieldType.Text), new("land_use", FieldType.Text), new("area_m2", FieldType.Real)];

    private IReadOnlyList<FeatureRecord> Features => table?.Features ?? dataset.Layer(id)?.Features ?? [];

    public string Id => id;

    /// <summary>The computed result behind a result collection; null for a dataset layer.</summary>
    public OgcResultTable? Table => table;

    /// <summary>The /api parameters that choose a result collection's run (none for a layer).</summary>
    public IReadOnlyList<string> Parameters => table is null ? [] : OgcResults.Parameters(id);

    /// <summary>The stored properties, in order: the queryables.</summary>
    public IReadOnlyList<FieldInfo> Fields => table?.Fields ?? (id == "parcels" ? ParcelFields : dataset.Layer(id)?.Fields ?? []);

    /// <summary>Positions (layer order) of the features meeting <paramref name="box"/> (all when null) and every filter.</summary>
    public List<int> Matching(OgcBox? box, IReadOnlyList<OgcFilter> filters)
    {
        IEnumerable<int> candidates;
        if (id == "parcels" && table is null)
        {
            candidates = box is null ? Enumerable.Range(0, parcels.Index.Count) : parcels.Index.Query(box.Crs84);
        }
        else
        {
            candidates = Enumerable.Range(0, Features.Count);
        }

        return [.. candidates.Where(i =>
            (box is null || (Geometry(i) is { IsEmpty: false } g && box.Meets(g))) && filters.All(f => f.Matches(Value(i, f.Field.Name))))];
    }

    /// <summary>Position of the feature with this id, or −1.</summary>
    public int Find(string featureId)
    {
        if (table is not null)
        {
            return table.Ids.ToList().IndexOf(featureId);
        }

        if (id == "parcels")
        {
            for (var i = 0; i < parcels.Index.Count; i++)
            {
                if (parcels.Index.Ids[i] == featureId)
                {
                    return i;
                }
            }

            return -1;
        }

        var features = Features;
        for (var i = 0; i < features.Count; i++)
        {
            if (LayerEndpoints.FeatureId(id, features[i]) == featureId)
            {
                return i;
            }
        }

        return -1;
    }

    public Envelope Extent()
    {
        if (id == "parcels" && table is null)
        {
            return parcels.Index.Extent();
        }

        var e = new Envelope();
        foreach (var f in Features)
        {
            if (f.Geometry is { IsEmpty: false } g)
            {
                e.ExpandToInclude(g.EnvelopeInternal);
            }
        }

        return e;
    }

    /// <summary>The stored (CRS84) geometry of the feature at position <paramref name="i"/>.</summary>
    public Geometry? Geometry(int i) => id == "parcels" && table is null ? parcels.Index.Geometry[i] : Features[i].Geometry;

    /// <summary>A property of the feature at position <paramref name="i"/>, as stored.</summary>
    public object? Value(int i, string field)
    {
        if (id != "parcels" || table is not null)
        {
            return Features[i][field];
        }

        return field switch
        {
            "id" => parcels.Index.Ids[i],
            "land_use" => parcels.Index.LandUse[i],
            "area_m2" => parcels.Index.AreaM2[i],
            _ => null,
        };
    }

    /// <summary>Writes the feature at position <paramref name="i"/> with its geometry in <paramref name="crs"/>.</summary>
    public void Write(Utf8JsonWriter w, int i, OgcCrs crs)
    {
        if (table is not null)
        {
            WriteResult(w, table, i, crs);
            return;
        }

        if (id != "parcels")
        {
            var f = Features[i];
            if (!crs.IsCrs84 && f.Geometry is { IsEmpty: false } g)
            {
                f = new FeatureRecord(f.Ordinal, crs.FromCrs84(g), f.Attributes);
            }

            LayerEndpoints.WriteFeature(w, id, f, dataset.Norms);
            return;
        }

        var p = parcels.Index;
        w.WriteStartObject();
        w.WriteString("type", "Feature");
        w.WriteString("id", p.Ids[i]);
        w.WritePropertyName("geometry");
        GeoJson.Geometry(w, crs.FromCrs84(p.Geometry[i]));
        w.WriteStartObject("properties");
        w.WriteString("id", p.Ids[i]);
        w.WriteString("land_use", p.LandUse[i]);
        w.WritePropertyName("area_m2");
        GeoJson.Value(w, p.AreaM2[i]);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter w, OgcResultTable table, int i, OgcCrs crs)
    {
        var f = table.Features[i];
        w.WriteStartObject();
        w.WriteString("type", "Feature");
        w.WriteString("id", table.Ids[i]);
        w.WritePropertyName("geometry");
        GeoJson.Geometry(w, f.Geometry is { IsEmpty: false } g && !crs.IsCrs84 ? crs.FromCrs84(g) : f.Geometry);
        w.WriteStartObject("properties");
        foreach (var field in table.Fields)
        {
            w.WritePropertyName(field.Name);
            GeoJson.Value(w, f[field.Name]);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }
}
