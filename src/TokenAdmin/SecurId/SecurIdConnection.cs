using TokenAdmin.Connections;
using TokenAdmin.SecurId;
using System;
using TokenAdmin.Core.SecurId;

namespace TokenAdmin;

/// <summary>
/// A connection to an RSA SecurID tenant's Cloud Administration API (Connect-SecurIdAdmin).
/// Shows the customer, URL, access id and key role; never the key or a JWT.
/// </summary>
public sealed class SecurIdConnection : TokenAdminConnection
{
    internal SecurIdConnection(SecurIdClient client, DateTimeOffset connectedAt)
        : base(client.Http, client.Key.AccessId, connectedAt)
    {
        Client = client;
    }

    internal static ServiceDescriptor Descriptor { get; } = new(TokenAdminService.SecurId, SecurIdErrors.Lookup);

    public override TokenAdminService Service => Descriptor.Service;

    public string? CustomerName => Client.Key.CustomerName;

    /// <summary>The adminRestApiUrl exactly as in the key file (also the JWTs' audience).</summary>
    public string AdminRestApiUrl => Client.Key.AdminRestApiUrl;

    public string AccessId => Client.Key.AccessId;

    /// <summary>Super Administrator, Help Desk Administrator, or Unknown (read from the key's description).</summary>
    public string KeyRole => Client.Key.Role.ToString();

    /// <summary>The key file the connection was made from, if any.</summary>
    public string? KeyFile => Client.Key.Source;

    /// <summary>Minutes each JWT lives before a new one is minted.</summary>
    public double JwtLifetimeMinutes => Client.Authenticator.Issuer.Lifetime.TotalMinutes;

    internal SecurIdClient Client { get; }

    private protected override void ReleaseResources() => Client.Dispose(); // the pool and the private key

    public override string ToString() => $"{Service} {AdminRestApiUrl} ({CustomerName ?? "customer unknown"}, {AccessId}, {KeyRole})";
}
