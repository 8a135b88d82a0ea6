using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TokenAdmin.Emulator;

/// <summary>Source-generated JSON for SecurID responses: camelCase, nulls written.</summary>
[JsonSerializable(typeof(SecurIdErrorBody))]
[JsonSerializable(typeof(SecurIdTokenDetails))]
internal sealed partial class SecurIdJsonContext : JsonSerializerContext
{
    /// <summary>
    /// Escapes only what JSON requires, as the Java service's Jackson does: "+00:00" and
    /// "John's token" go out literally, not as \u002B and \u0027.
    /// </summary>
    public static SecurIdJsonContext Wire { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
