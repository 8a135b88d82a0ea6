using System;

namespace TokenAdmin;

/// <summary>What Remove-SecurIdHardwareToken -PassThru writes for each deleted token.</summary>
public sealed class SecurIdTokenRemovalResult
{
    internal SecurIdTokenRemovalResult(string serialNumber, string? userId, string? customerName, DateTimeOffset removedAt)
    {
        SerialNumber = serialNumber;
        UserId = userId;
        CustomerName = customerName;
        RemovedAt = removedAt;
    }

    public string SerialNumber { get; }

    /// <summary>The user the token was assigned to, when the service said.</summary>
    public string? UserId { get; }

    public string? CustomerName { get; }

    public DateTimeOffset RemovedAt { get; }

    public override string ToString() => $"Removed {SerialNumber}";
}
