using System;
using System.Management.Automation;
using TokenAdmin.Commands;
using TokenAdmin.Items;
using TokenAdmin.Runtime;

namespace TokenAdmin.Connections;

/// <summary>Forgets and closes TokenAdmin connections.</summary>
/// <remarks>
/// <para>Closes the current connection of the given services, or of every service when none is given.
/// Commands then need a new Connect-*. Connection objects piped in bind -Service by property name.</para>
/// </remarks>
/// <example title="Disconnect everything">
/// <code>Disconnect-TokenAdmin</code>
/// <para>Closes every current connection.</para>
/// </example>
/// <example title="Disconnect one service">
/// <code>Disconnect-TokenAdmin -Service Hdc</code>
/// <para>Closes only the HDC connection.</para>
/// </example>
[Cmdlet(VerbsCommunications.Disconnect, "TokenAdmin")]
public sealed class DisconnectTokenAdminCommand : TokenAdminCommand
{
    /// <summary>The services to disconnect. Default: all.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    public TokenAdminService[]? Service { get; set; }

    private protected override void Process()
    {
        var services = Service is { Length: > 0 } ? Service : Enum.GetValues<TokenAdminService>();
        foreach (var service in services)
        {
            if (Connections.Remove(service) is { } closed)
            {
                Seam.WriteVerbose($"Disconnected {closed}.");
            }
        }
    }
}
