using System;
using TokenAdmin.Apstrata;
using TokenAdmin.Connections;
using TokenAdmin.Core.Apstrata;

namespace TokenAdmin;

/// <summary>
/// A connection to an apstrata account (Connect-Apstrata): as its owner (signed with the secret), as a
/// user (signed with the password's hash) or with a user's token. Shows the base URL, auth key, who and
/// how; never the secret, password, its hash, a signature or the token.
/// </summary>
public sealed class ApstrataConnection : TokenAdminConnection
{
    internal ApstrataConnection(ApstrataClient client, DateTimeOffset connectedAt)
        : base(client.Http, client.Authenticator.Login, connectedAt)
    {
        Client = client;
    }

    internal static ServiceDescriptor Descriptor { get; } = new(TokenAdminService.Apstrata, ApstrataErrors.Vocabulary);

    public override TokenAdminService Service => Descriptor.Service;

    public string AuthKey => Client.Authenticator.AuthKey;

    /// <summary>Owner, User or Token.</summary>
    public string Identity => Client.Authenticator.Identity.ToString();

    /// <summary>Complex or Simple; None for a token connection, which signs nothing.</summary>
    public string SignatureMode => Client.Authenticator.Identity == ApstrataIdentity.Token ? "None" : Client.Authenticator.Mode.ToString();

    internal ApstrataClient Client { get; }

    internal override string AuditIdentity => UserName is null ? $"{AuthKey} ({Identity})" : $"{AuthKey} ({Identity} {UserName})";

    private protected override void ReleaseResources() => Client.Dispose();

    public override string ToString() => $"{Service} {BaseUri} ({AuthKey}, {Identity}{(UserName is null ? string.Empty : " " + UserName)})";
}
