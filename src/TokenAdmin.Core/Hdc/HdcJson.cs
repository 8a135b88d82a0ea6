using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using TokenAdmin.Core.Http;

namespace TokenAdmin.Core.Hdc;

/// <summary>Reads and writes HDC bodies. Reading is tolerant (names in any case, numbers as strings).</summary>
internal static class HdcJson
{
    public static string CreateBody(long userId, IReadOnlyList<string> contextNames) =>
        JsonSerializer.Serialize(new Dictionary<string, object> { ["userId"] = userId, ["context"] = contextNames });

    public static string UpdateBody(string token, long userId, IReadOnlyList<string> contextNames) =>
        JsonSerializer.Serialize(new Dictionary<string, object> { ["token"] = token, ["userId"] = userId, ["context"] = contextNames });

    public static string DeleteBody(string token) =>
        JsonSerializer.Serialize(new Dictionary<string, object> { ["token"] = token });

    /// <exception cref="FormatException">The body is not {"list":[...]} of tokens.</exception>
    public static IReadOnlyList<HdcTokenInfo> ReadTokens(string json)
    {
        var result = new List<HdcTokenInfo>();
        foreach (var item in ReadList(json))
        {
            var token = Property(item, "token") is { ValueKind: JsonValueKind.String } t ? t.GetString() : null;
            if (string.IsNullOrEmpty(token))
            {
                throw new FormatException("a token entry has no \"token\" value");
            }

            var userId = ReadLong(Property(item, "userId")) ?? throw new FormatException("a token entry has no \"userId\"");
            var fullName = Property(item, "userFullName") is { ValueKind: JsonValueKind.String } n ? n.GetString() : null;
            result.Add(new HdcTokenInfo(userId, fullName, ReadTokenContexts(item), token, ReadDate(Property(item, "lastUpdate"))));
        }

        return result;
    }

    /// <exception cref="FormatException">The body is not {"list":[...]} of contexts.</exception>
    public static IReadOnlyList<HdcContext> ReadContexts(string json)
    {
        var result = new List<HdcContext>();
        foreach (var item in ReadList(json))
        {
            result.Add(ReadContext(item) ?? throw new FormatException("a context entry has no \"code\" and \"name\""));
        }

        return result;
    }

    private static IEnumerable<JsonElement> ReadList(string json)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "null" : json);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new FormatException("not JSON");
        }

        if (root.ValueKind != JsonValueKind.Object || Property(root, "list") is not { ValueKind: JsonValueKind.Array } list)
        {
            throw new FormatException("expected {\"list\":[...]}");
        }

        return list.EnumerateArray();
    }

    /// <summary>[doc] "context":[{"name","code"}]; also tolerated: names only, or contextAsCodesArray.</summary>
    private static IReadOnlyList<HdcContext> ReadTokenContexts(JsonElement item)
    {
        var contexts = new List<HdcContext>();
        if (Property(item, "context") is { ValueKind: JsonValueKind.Array } array)
        {
            foreach (var entry in array.EnumerateArray())
            {
                if (entry.ValueKind == JsonValueKind.String)
                {
                    contexts.Add(new HdcContext(0, entry.GetString()!));
                }
                else if (ReadContext(entry) is { } context)
                {
                    contexts.Add(context);
                }
            }
        }
        else if (Property(item, "contextAsCodesArray") is { ValueKind: JsonValueKind.Array } codes)
        {
            foreach (var code in codes.EnumerateArray())
            {
                if (ReadLong(code) is { } value)
                {
                    contexts.Add(new HdcContext((int)value, string.Empty));
                }
            }
        }

        return contexts;
    }

    private static HdcContext? ReadContext(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var name = Property(element, "name") is { ValueKind: JsonValueKind.String } n ? n.GetString() : null;
        var code = ReadLong(Property(element, "code"));
        return name is null || code is null ? null : new HdcContext((int)code.Value, name);
    }

    private static JsonElement? Property(JsonElement element, string name)
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

    private static long? ReadLong(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt64(out var value) => value,
        { ValueKind: JsonValueKind.String } s when long.TryParse(s.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) => value,
        _ => null,
    };

    /// <summary>[assume] epoch milliseconds or ISO 8601.</summary>
    private static DateTimeOffset? ReadDate(JsonElement? element)
    {
        if (ReadLong(element) is { } millis)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(millis);
        }

        return element is { ValueKind: JsonValueKind.String } s
            && DateTimeOffset.TryParse(s.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
                ? date
                : null;
    }

    /// <summary>Why a 2xx answer to a write is not HDC's success shape (see <see cref="HdcProtocol.SuccessField"/>), or null.</summary>
    public static string? WriteSuccessProblem(ServiceResponse response)
    {
        if (string.IsNullOrWhiteSpace(response.Content))
        {
            return null;
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(response.Content);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return $"{response.DescribeContent()}, not JSON";
        }

        return root.ValueKind == JsonValueKind.Object ? null : "a JSON body that is not an object";
    }

    /// <summary>A 2xx to a write whose body says <c>"success": false</c>: the service's own error, or null.</summary>
    public static ServiceError? FailureInSuccess(ServiceResponse response)
    {
        if (string.IsNullOrWhiteSpace(response.Content))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(response.Content);
            if (Property(document.RootElement, HdcProtocol.SuccessField) is not { ValueKind: JsonValueKind.False })
            {
                return null;
            }
        }
        catch (JsonException)
        {
            return null; // not JSON at all: WriteSuccessProblem says so
        }

        var (code, message) = ReadError(response.Content);
        return new ServiceError(code, message);
    }

    /// <summary>[assume] {"success":false,"errorCode":"..","message":".."}.</summary>
    public static (string? Code, string? Message) ReadError(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var code = Property(root, HdcProtocol.ErrorCodeField) is { ValueKind: JsonValueKind.String } c ? c.GetString() : null;
        var message = Property(root, HdcProtocol.ErrorMessageField) is { ValueKind: JsonValueKind.String } m ? m.GetString()
            : Property(root, "error") is { ValueKind: JsonValueKind.String } e ? e.GetString() : null;
        return (code, message);
    }
}
