using System.Collections.Generic;

namespace TokenAdmin.Emulator;

/// <summary>Stable endpoint names of the apstrata routes: fault keys and journal route names.</summary>
public static class ApstrataRouteNames
{
    /// <summary><c>POST /apsdb/rest/{authKey}/VerifyCredentials</c></summary>
    public const string VerifyCredentials = "apstrata.verifycredentials";

    /// <summary><c>POST /apsdb/rest/{authKey}/DeleteToken</c></summary>
    public const string DeleteToken = "apstrata.deletetoken";

    public static IReadOnlyList<string> All { get; } = [VerifyCredentials, DeleteToken];
}
