using System;

namespace TokenAdmin;

/// <summary>What Remove-ApstrataToken -PassThru writes for each login whose tokens were deleted.</summary>
public sealed class ApstrataTokenRemovalResult
{
    internal ApstrataTokenRemovalResult(string userLogin, string authKey, Uri baseUri, DateTimeOffset removedAt)
    {
        UserLogin = userLogin;
        AuthKey = authKey;
        BaseUri = baseUri;
        RemovedAt = removedAt;
    }

    public string UserLogin { get; }

    public string AuthKey { get; }

    public Uri BaseUri { get; }

    public DateTimeOffset RemovedAt { get; }

    public override string ToString() => $"Removed the apstrata tokens of {UserLogin}";
}
