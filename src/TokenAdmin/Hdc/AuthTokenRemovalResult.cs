using System;

namespace TokenAdmin;

/// <summary>
/// What Remove-AuthToken -PassThru writes for each revoked token: an audit line saying what (the
/// fingerprint), whose (user, when the input said), where (the tenant URL) and when.
/// </summary>
public sealed class AuthTokenRemovalResult
{
    internal AuthTokenRemovalResult(string fingerprint, long? userId, string? userFullName, Uri baseUri, DateTimeOffset removedAt)
    {
        Fingerprint = fingerprint;
        UserId = userId;
        UserFullName = userFullName;
        BaseUri = baseUri;
        RemovedAt = removedAt;
    }

    public string Fingerprint { get; }

    /// <summary>The token's user, when the input named it (Get-AuthToken output, a CSV UserId column); otherwise null.</summary>
    public long? UserId { get; }

    public string? UserFullName { get; }

    /// <summary>The HDC tenant the token was revoked on.</summary>
    public Uri BaseUri { get; }

    public DateTimeOffset RemovedAt { get; }

    public override string ToString() => $"Removed {Fingerprint}{(UserId is null ? string.Empty : $" of user {UserId}")}";
}
