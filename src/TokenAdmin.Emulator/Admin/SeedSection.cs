using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace TokenAdmin.Emulator;

/// <summary>Reading a service's part of a seed request: a list of items, each with typed members.</summary>
internal static class SeedSection
{
    /// <summary>The items of <paramref name="section"/>'s array property <paramref name="name"/> (none when absent).</summary>
    public static IReadOnlyList<JsonElement> Items(JsonElement section, string service, string name)
    {
        if (section.ValueKind != JsonValueKind.Object)
        {
            throw new SeedException($"{service} must be an object, e.g. {{\"{name}\":[...]}}.");
        }

        var unknown = section.EnumerateObject().Select(property => property.Name).Where(property => property != name).ToArray();
        if (unknown.Length > 0)
        {
            throw new SeedException($"{service} has no '{string.Join("', '", unknown)}' to seed; it takes '{name}'.");
        }

        if (!section.TryGetProperty(name, out var items))
        {
            return [];
        }

        if (items.ValueKind != JsonValueKind.Array || items.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.Object))
        {
            throw new SeedException($"{service}.{name} must be an array of objects.");
        }

        return [.. items.EnumerateArray()];
    }

    public static string RequiredString(JsonElement item, string path, string name) =>
        OptionalString(item, path, name) is { Length: > 0 } value ? value : throw new SeedException($"{path}.{name} is required (a string).");

    public static string? OptionalString(JsonElement item, string path, string name) =>
        !item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw new SeedException($"{path}.{name} must be a string.");

    public static long RequiredInt64(JsonElement item, string path, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : throw new SeedException($"{path}.{name} is required (a whole number).");

    public static IReadOnlyList<string> Strings(JsonElement item, string path, string name)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(entry => entry.ValueKind != JsonValueKind.String))
        {
            throw new SeedException($"{path}.{name} is required (an array of strings).");
        }

        return [.. value.EnumerateArray().Select(entry => entry.GetString()!)];
    }
}
