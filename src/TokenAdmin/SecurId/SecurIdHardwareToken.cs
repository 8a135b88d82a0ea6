using System;
using TokenAdmin.Core.SecurId;

namespace TokenAdmin;

/// <summary>An RSA SecurID hardware token (e.g. a SecurID 700), as the lookup describes it.</summary>
public sealed class SecurIdHardwareToken
{
    internal SecurIdHardwareToken(SecurIdTokenInfo info, SecurIdConnection connection)
    {
        SerialNumber = info.SerialNumber;
        DeviceType = info.DeviceType;
        Status = info.Status;
        UserId = info.UserId;
        AssignedBy = info.AssignedBy;
        AssignedAt = info.AssignedAt;
        RegisteredDate = info.RegisteredDate;
        StatusChangedAt = info.StatusChangedAt;
        ExpiryDate = info.ExpiryDate;
        Name = info.Name;
        PinSet = info.PinSet;
        Connection = connection;
    }

    /// <summary>The serial printed on the back of the token; binds to -SerialNumber down the pipeline.</summary>
    public string SerialNumber { get; }

    public string? DeviceType { get; }

    /// <summary>Enabled or Disabled.</summary>
    public string? Status { get; }

    /// <summary>The user it is assigned to, if any.</summary>
    public string? UserId { get; }

    public string? AssignedBy { get; }

    public DateTimeOffset? AssignedAt { get; }

    public DateTimeOffset? RegisteredDate { get; }

    public DateTimeOffset? StatusChangedAt { get; }

    public DateTimeOffset? ExpiryDate { get; }

    /// <summary>The token's name, given when it was assigned.</summary>
    public string? Name { get; }

    public bool? PinSet { get; }

    /// <summary>Where the token was read; binds to -Connection down the pipeline.</summary>
    public SecurIdConnection Connection { get; }

    public override string ToString() => $"{SerialNumber} ({DeviceType}, {Status}{(UserId is null ? ", unassigned" : $", {UserId}")})";
}
