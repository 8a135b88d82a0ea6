using System.Collections.Generic;

namespace TokenAdmin.Emulator;

// The HDC JSON shapes, property order as SERVICES.md §4 prints them.

/// <summary><c>{"list":[...]}</c>, the envelope of both GET routes.</summary>
internal sealed record HdcList<T>(IEnumerable<T> List);

/// <summary>A context inside a token: <c>{"name":"..","code":1}</c>.</summary>
internal sealed record HdcTokenContextModel(string Name, int Code);

/// <summary>An entry of <c>GET /api/authtokens/context/json</c>: <c>{"code":1,"name":".."}</c>.</summary>
internal sealed record HdcContextModel(int Code, string Name);

/// <summary>
/// TokenInfoTO as <c>GET /api/authtokens/json</c> returns it. <c>lastUpdate</c> (epoch milliseconds)
/// is an emulator choice: TokenInfoTO declares the field, the documented sample omits it.
/// </summary>
internal sealed record HdcTokenModel(
    IReadOnlyList<HdcTokenContextModel> Context,
    long UserId,
    string? UserFullName,
    string Token,
    long LastUpdate);

/// <summary>
/// TokenInfoTO as POST/PUT/DELETE send it. Unknown and unused TokenInfoTO fields (userFullName,
/// currentUserId, lastUpdate, userInfo) are ignored, as Spring's Jackson defaults do; names are
/// case-sensitive and types strict (a string userId is refused).
/// </summary>
internal sealed record HdcTokenRequest(
    string? Token,
    long? UserId,
    IReadOnlyList<string?>? Context,
    IReadOnlyList<int>? ContextAsCodesArray);
