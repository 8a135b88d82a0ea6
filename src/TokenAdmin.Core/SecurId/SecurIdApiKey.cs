using System;
using System.Security.Cryptography;

namespace TokenAdmin.Core.SecurId;

/// <summary>
/// An administration API key: who (accessID), where (adminRestApiUrl, kept exactly as written,
/// since it is the JWT audience) and the RSA private key that signs. Never printed.
/// </summary>
public sealed class SecurIdApiKey : IDisposable
{
    internal SecurIdApiKey(string accessId, string adminRestApiUrl, RSA privateKey, string? customerName, string? description, string? source)
    {
        AccessId = accessId;
        AdminRestApiUrl = adminRestApiUrl;
        PrivateKey = privateKey;
        CustomerName = customerName;
        Description = description;
        Source = source;
    }

    public string AccessId { get; }

    /// <summary>Exactly as in the key file: the JWT "aud" claim must match it character for character.</summary>
    public string AdminRestApiUrl { get; }

    public string? CustomerName { get; }

    public string? Description { get; }

    public SecurIdKeyRole Role => SecurIdProtocol.RoleFromDescription(Description);

    /// <summary>The key file it came from, if any.</summary>
    public string? Source { get; }

    internal RSA PrivateKey { get; }

    public void Dispose() => PrivateKey.Dispose();

    /// <summary>No key material: the access id and where it came from.</summary>
    public override string ToString() => $"SecurID API key {AccessId}{(Source is null ? string.Empty : $" ({Source})")}";
}
