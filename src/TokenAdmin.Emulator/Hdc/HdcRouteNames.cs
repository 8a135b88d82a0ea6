using System.Collections.Generic;

namespace TokenAdmin.Emulator;

/// <summary>Stable endpoint names of the HDC routes: fault keys and journal route names.</summary>
public static class HdcRouteNames
{
    /// <summary><c>GET /api/authtokens/json</c></summary>
    public const string ListTokens = "hdc.tokens.list";

    /// <summary><c>GET /api/authtokens/context/json</c></summary>
    public const string ListContexts = "hdc.contexts.list";

    /// <summary><c>POST /api/authtokens</c></summary>
    public const string CreateToken = "hdc.tokens.create";

    /// <summary><c>PUT /api/authtokens</c></summary>
    public const string UpdateToken = "hdc.tokens.update";

    /// <summary><c>DELETE /api/authtokens</c> (with a JSON body)</summary>
    public const string DeleteToken = "hdc.tokens.delete";

    public static IReadOnlyList<string> All { get; } = [ListTokens, ListContexts, CreateToken, UpdateToken, DeleteToken];
}
