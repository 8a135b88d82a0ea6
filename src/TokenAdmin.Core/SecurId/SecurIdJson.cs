using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using TokenAdmin.Core.Wire;

namespace TokenAdmin.Core.SecurId;

/// <summary>SecurID request and response bodies. Reading is tolerant: names in any case, dates as ISO 8601 or epoch milliseconds.</summary>
internal static class SecurIdJson
{
    public static string SerialBody(string serialNumber) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["tokenSerialNumber"] = serialNumber });

    /// <exception cref="FormatException">Not a token details object.</exception>
    public static SecurIdTokenInfo ReadToken(string json, string requestedSerial)
    {
        var root = TolerantJson.Parse(json);
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
            TolerantJson.Bool(TolerantJson.Property(root, "pinSet")));
    }

    /// <summary>[assume] {"message"|"errorMessage"|"error": .., "code": ..}.</summary>
    public static (string? Code, string? Message) ReadError(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return (SecurIdProtocol.ErrorCodeFields.Select(f => Text(root, f)).FirstOrDefault(v => v is not null),
            SecurIdProtocol.ErrorMessageFields.Select(f => Text(root, f)).FirstOrDefault(v => v is not null));
    }

    private static string? Text(JsonElement element, string name) => TolerantJson.Text(element, name);

    private static DateTimeOffset? Date(JsonElement element, string name) => TolerantJson.Date(TolerantJson.Property(element, name));
}
