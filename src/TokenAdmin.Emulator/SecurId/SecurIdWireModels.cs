using System;
using System.Globalization;

namespace TokenAdmin.Emulator;

// The SecurID JSON shapes. Property order as SERVICES.md §3 prints the token details.

/// <summary>The failure body; see <see cref="SecurIdErrors"/>.</summary>
internal sealed record SecurIdErrorBody(string Code, string Message);

/// <summary>
/// Token details, the body of every successful SecurID route. Dates are ISO 8601 with milliseconds
/// and an offset ("2025-03-01T09:30:00.000+00:00"); fields that do not apply are null, not absent.
/// </summary>
internal sealed record SecurIdTokenDetails(
    string TokenSerialNumber,
    string DeviceType,
    string TokenStatus,
    string? UserId,
    string? AssignedBy,
    string? AssignedAt,
    string? RegisteredDate,
    string? TokenStatusChangedAt,
    string? ExpiryDate,
    string? Name,
    bool PinSet)
{
    public static SecurIdTokenDetails From(SecurIdTokenRecord token) => new(
        token.TokenSerialNumber,
        token.DeviceType,
        token.TokenStatus.ToString(),
        token.UserId,
        token.AssignedBy,
        Format(token.AssignedAt),
        Format(token.RegisteredDate),
        Format(token.TokenStatusChangedAt),
        Format(token.ExpiryDate),
        token.Name,
        token.PinSet);

    private static string? Format(DateTimeOffset? date) =>
        date?.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
}

/// <summary>The request body of every SecurID route, validated (see <see cref="SecurIdRequestBody"/>).</summary>
internal sealed record SecurIdTokenRequest(string TokenSerialNumber, string? TokenName);
