using System.Collections.Generic;

namespace TokenAdmin.Emulator;

/// <summary>Stable endpoint names of the PowerClerk routes: fault keys and journal route names.</summary>
public static class PowerClerkRouteNames
{
    /// <summary><c>POST /Accounts/MfaSessionTokens</c></summary>
    public const string CreateSessionToken = "powerclerk.mst.create";

    /// <summary><c>DELETE /Accounts/MfaSessionTokens/{TokenId}</c></summary>
    public const string DeleteSessionToken = "powerclerk.mst.delete";

    public static IReadOnlyList<string> All { get; } = [CreateSessionToken, DeleteSessionToken];
}
