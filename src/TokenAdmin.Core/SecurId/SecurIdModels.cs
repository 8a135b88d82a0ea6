using System;

namespace TokenAdmin.Core.SecurId;

/// <summary>A hardware token as the lookup (and delete) answer describes it.</summary>
public sealed record SecurIdTokenInfo(
    string SerialNumber,
    string? DeviceType,
    string? Status,
    string? UserId,
    string? AssignedBy,
    DateTimeOffset? AssignedAt,
    DateTimeOffset? RegisteredDate,
    DateTimeOffset? StatusChangedAt,
    DateTimeOffset? ExpiryDate,
    string? Name,
    bool? PinSet);
