using System.Text.Json;
using Facilities.Core.Features;
using Facilities.Web.Endpoints;
using Facilities.Web.Tiles;
using NetTopologySuite.Geometries;

namespace Facilities.Web.Ogc;

/// <summary>The features of one OGC collection: a whole layer, or the parcels from the in-memory index.</summary>
internal sealed class OgcSource(string id, DatasetService dataset, ParcelTiles parcels)
{
    private List<FeatureRecord> Features => dataset.Layer(id)?.Features ?? [];

    /// <summary>Positions (layer order) of the features meeting <paramref name="box"/> (all when null).</summary>
    public List<int> Matching(Envelope? box)
    {
        if (id == "parcels")
        {
            return box is null ? [.. Enumerable.Range(0, parcels.Index.Count)] : parcels.Index.Query(box);
        }

        var features = Features;
        return [.. Enumerable.Range(0, features.Count)
            .Where(i => box is null || (features[i].Geometry is { } g && g.EnvelopeInternal.Intersects(box)))];
    }

    /// <summary>Position of the feature with this id, or −1.</summary>
    public int Find(string featureId)
    {
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
        if (id == "parcels")
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

    public void Write(Utf8JsonWriter w, int i)
    {
        if (id != "parcels")
        {
            LayerEndpoints.WriteFeature(w, id, Features[i], dataset.Norms);
            return;
        }

        var p = parcels.Index;
        w.WriteStartObject();
        w.WriteString("type", "Feature");
        w.WriteString("id", p.Ids[i]);
        w.WritePropertyName("geometry");
        GeoJson.Geometry(w, p.Geometry[i]);
        w.WriteStartObject("properties");
        w.WriteString("id", p.Ids[i]);
        w.WriteString("land_use", p.LandUse[i]);
        w.WritePropertyName("area_m2");
        GeoJson.Value(w, p.AreaM2[i]);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
