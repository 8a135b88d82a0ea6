using System;

namespace TokenAdmin;

/// <summary>What Remove-MfaSessionToken -PassThru writes for each removed token: what, whose, where, when.</summary>
public sealed class MfaSessionTokenRemovalResult
{
    internal MfaSessionTokenRemovalResult(string tokenId, string? userName, Uri baseUri, DateTimeOffset removedAt)
    {
        TokenId = tokenId;
        UserName = userName;
        BaseUri = baseUri;
        RemovedAt = removedAt;
    }

    public string TokenId { get; }

    public string? UserName { get; }

    public Uri BaseUri { get; }

    public DateTimeOffset RemovedAt { get; }

    public override string ToString() => $"Removed MFA session token {TokenId}";
}
