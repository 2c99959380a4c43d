using System.Text.Json.Nodes;
using Facilities.Core.Features;

namespace Facilities.Web.Ogc;

/// <summary>
/// <c>/ogc/collections/{id}/queryables</c> (OGC API – Features Part 3): the properties a request may filter on, as a
/// JSON Schema; each is also an items query parameter (<c>?level=thcs</c>). A result collection lists its run
/// parameters first (<c>level</c>, <c>year</c>, <c>method</c>…), then the properties of the run asked for.
/// </summary>
internal static class OgcQueryables
{
    public const string ContentType = "application/schema+json";

    public const string Rel = "http://www.opengis.net/def/rel/ogc/1.0/queryables";

    /// <summary>The JSON Schema type of a field.</summary>
    public static string SchemaType(FieldType type) => type switch
    {
        FieldType.Integer => "integer",
        FieldType.Real => "number",
        _ => "string",
    };

    public static JsonObject Document(string self, OgcSource source)
    {
        var properties = new JsonObject();
        foreach (var name in source.Parameters)
        {
            var schema = OgcResults.Schema(name);
            schema["title"] = name;
            schema["description"] = OgcResults.Describe(name);
            properties[name] = schema;
        }

        foreach (var f in source.Fields.Where(f => !source.Parameters.Contains(f.Name)))
        {
            properties[f.Name] = new JsonObject { ["title"] = f.Name, ["type"] = SchemaType(f.Type) };
        }

        return new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = self,
            ["type"] = "object",
            ["title"] = OgcCollections.Title(source.Id),
            ["properties"] = properties,
            ["additionalProperties"] = false,
        };
    }
}
