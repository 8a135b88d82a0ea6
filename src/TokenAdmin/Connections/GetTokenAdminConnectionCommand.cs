using System.Linq;
using System.Management.Automation;
using TokenAdmin.Runtime;

namespace TokenAdmin.Connections;

/// <summary>Shows the current connection of each service (where and as whom; never a secret).</summary>
[Cmdlet(VerbsCommon.Get, "TokenAdminConnection")]
[OutputType(typeof(TokenAdminConnection))]
public sealed class GetTokenAdminConnectionCommand : TokenAdminCommand
{
    /// <summary>Only these services.</summary>
    [Parameter(Position = 0)]
    public TokenAdminService[]? Service { get; set; }

    private protected override void Process()
    {
        foreach (var connection in Connections.All().Where(c => Service is not { Length: > 0 } || Service.Contains(c.Service)))
        {
            Seam.WriteObject(connection);
        }
    }
}
