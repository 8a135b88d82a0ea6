using System;

namespace TokenAdmin.Core.Redaction;

internal static class BodyKinds
{
    /// <summary>By content type first; services often mislabel, so fall back to the first character.</summary>
    public static BodyKind Detect(string body, string? contentType)
    {
        var type = contentType ?? string.Empty;
        if (type.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return BodyKind.Json;
        }

        if (type.Contains("xml", StringComparison.OrdinalIgnoreCase))
        {
            return BodyKind.Xml;
        }

        if (type.Contains("x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return BodyKind.Form;
        }

        var trimmed = body.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            return BodyKind.Json;
        }

        return trimmed.StartsWith('<') ? BodyKind.Xml : BodyKind.Text;
    }
}
