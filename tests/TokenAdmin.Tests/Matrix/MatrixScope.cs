using System.Collections.Generic;
using TokenAdmin.Emulator;

namespace TokenAdmin.Tests.Matrix;

/// <summary>
/// What the route x fault matrices leave out, each with why (also compiled into
/// tests/TokenAdmin.Engine.Tests). Everything else the module can change must be a row.
/// </summary>
internal static class MatrixScope
{
    /// <summary>Emulator routes that are not changes TokenAdmin makes.</summary>
    public static IReadOnlyDictionary<string, string> NotChanges { get; } = new Dictionary<string, string>
    {
        [HdcRouteNames.ListTokens] = "a read",
        [HdcRouteNames.ListContexts] = "a read",
        [SecurIdRouteNames.LookupToken] = "a read (sent as POST)",
        [SecurIdRouteNames.AssignToken] = "no TokenAdmin command sends it",
        [SecurIdRouteNames.UnassignToken] = "no TokenAdmin command sends it",
        [SecurIdRouteNames.EnableToken] = "no TokenAdmin command sends it",
        [SecurIdRouteNames.DisableToken] = "no TokenAdmin command sends it",
    };

    /// <summary>State-changing cmdlets that talk to no service.</summary>
    public static IReadOnlyList<string> LocalCommands { get; } = ["Set-TokenAdminAuditLog"];
}
