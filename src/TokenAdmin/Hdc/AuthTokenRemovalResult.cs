using System;

namespace TokenAdmin;

/// <summary>What Remove-AuthToken -PassThru writes for each revoked token.</summary>
public sealed class AuthTokenRemovalResult
{
    internal AuthTokenRemovalResult(string fingerprint, Uri baseUri, DateTimeOffset removedAt)
    {
        Fingerprint = fingerprint;
        BaseUri = baseUri;
        RemovedAt = removedAt;
    }

    public string Fingerprint { get; }

    public Uri BaseUri { get; }

    public DateTimeOffset RemovedAt { get; }

    public override string ToString() => $"Removed {Fingerprint}";
}
