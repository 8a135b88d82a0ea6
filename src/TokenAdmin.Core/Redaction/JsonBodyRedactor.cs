using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TokenAdmin.Core.Redaction;

/// <summary>
/// Rewrites a JSON body keeping its shape: objects and arrays are walked, a scalar is shown only
/// under an allow-listed property name (array items inherit their property's name). Booleans and
/// nulls are always shown: no secret fits in them.
/// </summary>
internal static class JsonBodyRedactor
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // for reading, not for embedding in HTML
        Indented = false,
    };

    public static string Redact(string json, Redactor redactor)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                Write(document.RootElement, null, writer, redactor);
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }
        catch (JsonException)
        {
            return $"({json.Length} characters of malformed JSON, not shown)";
        }
    }

    private static void Write(JsonElement element, string? name, Utf8JsonWriter writer, Redactor redactor)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    if (RedactionRules.LooksSecret(property.Name))
                    {
                        writer.WriteStringValue(RedactionRules.Redacted);
                    }
                    else
                    {
                        Write(property.Value, property.Name, writer, redactor);
                    }
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(item, name, writer, redactor);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.True:
            case JsonValueKind.False:
            case JsonValueKind.Null:
                element.WriteTo(writer);
                break;
            case JsonValueKind.Number when name is not null && redactor.Rules.IsLoggableField(name):
                element.WriteTo(writer);
                break;
            case JsonValueKind.String when name is not null:
                writer.WriteStringValue(redactor.FieldValue(name, element.GetString()!));
                break;
            default:
                writer.WriteStringValue(RedactionRules.Redacted);
                break;
        }
    }
}
