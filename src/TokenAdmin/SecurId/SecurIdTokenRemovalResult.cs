using System;

namespace TokenAdmin;

/// <summary>
/// What Remove-SecurIdHardwareToken -PassThru writes for each deleted token: an audit line saying
/// what (the serial), whose (the user it was assigned to), where (customer and adminRestApiUrl) and when.
/// </summary>
public sealed class SecurIdTokenRemovalResult
{
    internal SecurIdTokenRemovalResult(string serialNumber, string? userId, string? customerName, string adminRestApiUrl, DateTimeOffset removedAt)
    {
        SerialNumber = serialNumber;
        UserId = userId;
        CustomerName = customerName;
        AdminRestApiUrl = adminRestApiUrl;
        RemovedAt = removedAt;
    }

    public string SerialNumber { get; }

    /// <summary>The user the token was assigned to, when the service said.</summary>
    public string? UserId { get; }

    public string? CustomerName { get; }

    /// <summary>The tenant's Cloud Administration API the token was deleted from.</summary>
    public string AdminRestApiUrl { get; }

    public DateTimeOffset RemovedAt { get; }

    public override string ToString() => $"Removed {SerialNumber}{(UserId is null ? string.Empty : $" of {UserId}")}";
}
