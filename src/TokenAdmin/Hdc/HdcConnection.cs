using TokenAdmin.Connections;
using TokenAdmin.Hdc;
using System;
using TokenAdmin.Core.Hdc;

namespace TokenAdmin;

/// <summary>A connection to a bim.cloud HDC tenant (Connect-AuthTokenService).</summary>
public sealed class HdcConnection : TokenAdminConnection
{
    internal HdcConnection(HdcClient client, string? userName, DateTimeOffset connectedAt)
        : base(client.Http, userName, connectedAt)
    {
        Client = client;
    }

    internal static ServiceDescriptor Descriptor { get; } = new(TokenAdminService.Hdc, HdcErrors.Vocabulary);

    public override TokenAdminService Service => Descriptor.Service;

    internal HdcClient Client { get; }

    /// <summary>The contexts last read through this connection: what tab completion offers.</summary>
    internal System.Collections.Generic.IReadOnlyList<HdcContext>? CachedContexts { get; set; }
}
