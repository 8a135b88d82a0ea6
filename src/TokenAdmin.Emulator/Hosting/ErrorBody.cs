using System.Text.Json.Serialization;

namespace TokenAdmin.Emulator;

/// <summary>
/// <c>{"success":false,"errorCode":"..","message":".."}</c>: HDC's failure shape (SERVICES.md §4),
/// also used by the emulator's own gateway-style responses (faults, proxy, admin).
/// </summary>
internal sealed record ErrorBody(string ErrorCode, string Message)
{
    [JsonPropertyOrder(-1)]
    public bool Success => false;
}
