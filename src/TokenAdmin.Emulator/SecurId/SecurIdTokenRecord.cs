using System;

namespace TokenAdmin.Emulator;

/// <summary>Whether a token may be used to authenticate.</summary>
public enum SecurIdTokenStatus
{
    Enabled,
    Disabled,
}

/// <summary>
/// One SecurID token as the emulator stores it; property names follow the wire's token details.
/// An unassigned token has null <see cref="UserId"/>, <see cref="AssignedBy"/>, <see cref="AssignedAt"/> and <see cref="Name"/>.
/// </summary>
public sealed record SecurIdTokenRecord(
    string TokenSerialNumber,
    string DeviceType,
    SecurIdTokenStatus TokenStatus,
    string? UserId,
    string? AssignedBy,
    DateTimeOffset? AssignedAt,
    DateTimeOffset RegisteredDate,
    DateTimeOffset? TokenStatusChangedAt,
    DateTimeOffset? ExpiryDate,
    string? Name,
    bool PinSet)
{
    public bool IsAssigned => UserId is not null;
}
