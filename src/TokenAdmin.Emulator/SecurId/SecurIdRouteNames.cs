using System.Collections.Generic;

namespace TokenAdmin.Emulator;

/// <summary>Stable endpoint names of the SecurID routes: fault keys and journal route names.</summary>
public static class SecurIdRouteNames
{
    /// <summary><c>POST /v1/sidTokens/lookup</c></summary>
    public const string LookupToken = "securid.tokens.lookup";

    /// <summary><c>DELETE /v1/sidTokens/delete</c> (with a JSON body)</summary>
    public const string DeleteToken = "securid.tokens.delete";

    /// <summary><c>PATCH /v1/users/{userId}/sidTokens/assign</c></summary>
    public const string AssignToken = "securid.users.assign";

    /// <summary><c>PATCH /v1/users/{userId}/sidTokens/unassign</c></summary>
    public const string UnassignToken = "securid.users.unassign";

    /// <summary><c>PATCH /v1/users/{userId}/sidTokens/enable</c></summary>
    public const string EnableToken = "securid.users.enable";

    /// <summary><c>PATCH /v1/users/{userId}/sidTokens/disable</c></summary>
    public const string DisableToken = "securid.users.disable";

    public static IReadOnlyList<string> All { get; } = [LookupToken, DeleteToken, AssignToken, UnassignToken, EnableToken, DisableToken];
}
