using System;
using System.Globalization;
using System.Text.Json;

namespace TokenAdmin.Core.Wire;

/// <summary>
/// Reading JSON the way services actually send it: property names in any case, numbers as
/// strings (and the reverse), dates as ISO 8601 or epoch milliseconds. Every service reads through
/// these, so "tolerant" means the same thing everywhere.
/// </summary>
public static class TolerantJson
{
    /// <summary>Parses <paramref name="json"/> (an empty body as null), or throws FormatException("not JSON").</summary>
    public static JsonElement Parse(string? json)
    {
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "null" : json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new FormatException("not JSON");
        }
    }

    /// <summary>The property named <paramref name="name"/> in any case; null when absent or not an object.</summary>
    public static JsonElement? Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (element.TryGetProperty(name, out var exact))
        {
            return exact;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    /// <summary>A non-empty string, or a number's text; null otherwise.</summary>
    public static string? Text(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.String } s when !string.IsNullOrEmpty(s.GetString()) => s.GetString(),
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        _ => null,
    };

    public static string? Text(JsonElement element, string name) => Text(Property(element, name));

    /// <summary>A string exactly as sent (empty allowed); null when absent or not a string.</summary>
    public static string? String(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;

    /// <summary>An integer, or a string holding one.</summary>
    public static long? Long(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt64(out var value) => value,
        { ValueKind: JsonValueKind.String } s when long.TryParse(s.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) => value,
        _ => null,
    };

    /// <summary>true/false, or a string holding one.</summary>
    public static bool? Bool(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } s when bool.TryParse(s.GetString(), out var value) => value,
        _ => null,
    };

    /// <summary>Epoch milliseconds (a number, or digits in a string) or an ISO 8601 string.</summary>
    public static DateTimeOffset? Date(JsonElement? element)
    {
        if (Long(element) is { } millis)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(millis);
        }

        return element is { ValueKind: JsonValueKind.String } s
            && DateTimeOffset.TryParse(s.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
                ? date
                : null;
    }
}
