using System;
using Microsoft.Net.Http.Headers;

namespace TokenAdmin.Emulator;

/// <summary>Whether a request's Content-Type announces JSON, as Spring's JSON converter decides it.</summary>
internal static class JsonContentType
{
    /// <summary>application/json or any application/*+json, with or without parameters (charset).</summary>
    public static bool Matches(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.Type.Equals("application", StringComparison.OrdinalIgnoreCase)
                && mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)));
}
