using System.Linq;
using System.Management.Automation;
using TokenAdmin.Commands;
using TokenAdmin.Items;
using TokenAdmin.Runtime;

namespace TokenAdmin.Connections;

/// <summary>Shows the current TokenAdmin connections.</summary>
/// <remarks>
/// <para>Writes the current connection of each service: where (BaseUri) and as whom (UserName,
/// AuthenticationType), its settings and when it was made. Never a secret.</para>
/// </remarks>
/// <example title="Where am I connected">
/// <code>Get-TokenAdminConnection</code>
/// <para>One line per connected service.</para>
/// </example>
/// <example title="Check the HDC connection in a script">
/// <code>if (-not (Get-TokenAdminConnection -Service Hdc)) { Connect-AuthTokenService -BaseUri $url -AccessToken $token }</code>
/// <para>Connects only when not connected yet.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "TokenAdminConnection")]
[OutputType(typeof(TokenAdminConnection))]
public sealed class GetTokenAdminConnectionCommand : TokenAdminCommand
{
    /// <summary>Only the connections of these services. Default: all.</summary>
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
