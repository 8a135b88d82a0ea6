using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace TokenAdmin.Core.SecurId;

/// <summary>SecurID request and response bodies. Reading is tolerant: names in any case, dates as ISO 8601 or epoch milliseconds.</summary>
internal static class SecurIdJson
{
    public static string SerialBody(string serialNumber) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["tokenSerialNumber"] = serialNumber });

    /// <exception cref="FormatException">Not a token details object.</exception>
    public static SecurIdTokenInfo ReadToken(string json, string requestedSerial)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new FormatException("not JSON");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("expected an object with token details");
        }

        return new SecurIdTokenInfo(
            Text(root, "tokenSerialNumber") ?? requestedSerial,
            Text(root, "deviceType"),
            Text(root, "tokenStatus"),
            Text(root, "userId"),
            Text(root, "assignedBy"),
            Date(root, "assignedAt"),
            Date(root, "registeredDate"),
            Date(root, "tokenStatusChangedAt"),
            Date(root, "expiryDate"),
            Text(root, "name"),
            Property(root, "pinSet") switch
            {
                { ValueKind: JsonValueKind.True } => true,
                { ValueKind: JsonValueKind.False } => false,
                { ValueKind: JsonValueKind.String } s when bool.TryParse(s.GetString(), out var b) => b,
                _ => null,
            });
    }

    /// <summary>[assume] {"message"|"errorMessage"|"error": .., "code": ..}.</summary>
    public static (string? Code, string? Message) ReadError(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return (SecurIdProtocol.ErrorCodeFields.Select(f => Text(root, f)).FirstOrDefault(v => v is not null),
            SecurIdProtocol.ErrorMessageFields.Select(f => Text(root, f)).FirstOrDefault(v => v is not null));
    }

    private static JsonElement? Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
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

    private static string? Text(JsonElement element, string name) => Property(element, name) switch
    {
        { ValueKind: JsonValueKind.String } s when !string.IsNullOrEmpty(s.GetString()) => s.GetString(),
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        _ => null,
    };

    private static DateTimeOffset? Date(JsonElement element, string name) => Property(element, name) switch
    {
        { ValueKind: JsonValueKind.String } s when DateTimeOffset.TryParse(s.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) => date,
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt64(out var millis) => DateTimeOffset.FromUnixTimeMilliseconds(millis),
        _ => null,
    };
}
