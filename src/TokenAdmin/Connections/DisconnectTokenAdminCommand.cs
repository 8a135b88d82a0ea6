using System;
using System.Management.Automation;
using TokenAdmin.Runtime;

namespace TokenAdmin.Connections;

/// <summary>
/// Forgets the current connection of the given services (all when none is given) and closes it.
/// <c>Get-TokenAdminConnection | Disconnect-TokenAdmin</c> binds -Service by name.
/// </summary>
[Cmdlet(VerbsCommunications.Disconnect, "TokenAdmin")]
[OutputType(typeof(void))]
public sealed class DisconnectTokenAdminCommand : TokenAdminCommand
{
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
