using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace TokenAdmin.Emulator;

/// <summary>The Cloud Administration API routes of SERVICES.md §3, relative to the adminRestApiUrl.</summary>
internal sealed class SecurIdEndpoints(SecurIdState state)
{
    public const string HelpDeskMayNotDelete =
        "The Help Desk Administrator role may not delete hardware tokens; only a Super Administrator may.";

    private const string NotAssignedToUser = "The token is not assigned to this user.";

    private delegate (SecurIdTokenRecord? Changed, string? Conflict) TokenChange(
        SecurIdTokenRecord token, string userId, SecurIdTokenRequest body, SecurIdDemoKey key, DateTimeOffset now);

    public void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/v1/sidTokens/lookup", LookupAsync).WithName(SecurIdRouteNames.LookupToken);
        api.MapDelete("/v1/sidTokens/delete", DeleteAsync).WithName(SecurIdRouteNames.DeleteToken)
            .RequireSecurIdRole(SecurIdRole.SuperAdministrator, HelpDeskMayNotDelete);

        var user = api.MapGroup("/v1/users/{userId}/sidTokens");
        user.MapPatch("/assign", (HttpContext context, [FromRoute] string userId, CancellationToken cancellationToken) =>
            ChangeAsync(context, userId, acceptsTokenName: true, Assign, cancellationToken)).WithName(SecurIdRouteNames.AssignToken);
        user.MapPatch("/unassign", (HttpContext context, [FromRoute] string userId, CancellationToken cancellationToken) =>
            ChangeAsync(context, userId, acceptsTokenName: false, Unassign, cancellationToken)).WithName(SecurIdRouteNames.UnassignToken);
        user.MapPatch("/enable", (HttpContext context, [FromRoute] string userId, CancellationToken cancellationToken) =>
            ChangeAsync(context, userId, acceptsTokenName: false, Enable, cancellationToken)).WithName(SecurIdRouteNames.EnableToken);
        user.MapPatch("/disable", (HttpContext context, [FromRoute] string userId, CancellationToken cancellationToken) =>
            ChangeAsync(context, userId, acceptsTokenName: false, Disable, cancellationToken)).WithName(SecurIdRouteNames.DisableToken);
    }

    private async Task<IResult> LookupAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if ((await SecurIdRequestBody.ReadAsync(request, acceptsTokenName: false, cancellationToken)).Failed(out var error, out var body))
        {
            return error;
        }

        return state.Find(body.TokenSerialNumber) is { } token ? Details(token) : SecurIdErrors.NotFound();
    }

    private async Task<IResult> DeleteAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if ((await SecurIdRequestBody.ReadAsync(request, acceptsTokenName: false, cancellationToken)).Failed(out var error, out var body))
        {
            return error;
        }

        return state.Delete(body.TokenSerialNumber) is { } deleted ? Details(deleted) : SecurIdErrors.NotFound();
    }

    private async Task<IResult> ChangeAsync(HttpContext context, string userId, bool acceptsTokenName, TokenChange change, CancellationToken cancellationToken)
    {
        if ((await SecurIdRequestBody.ReadAsync(context.Request, acceptsTokenName, cancellationToken)).Failed(out var error, out var body))
        {
            return error;
        }

        var key = SecurIdAuthenticationFilter.KeyOf(context);
        var outcome = state.Change(body.TokenSerialNumber, (token, now) => change(token, userId, body, key, now));
        return outcome switch
        {
            { NotFound: true } => SecurIdErrors.NotFound(),
            { Token: { } changed } => Details(changed),
            _ => SecurIdErrors.InConflict(outcome.Conflict!),
        };
    }

    // assignedBy records the API key (a key file names no administrator).
    private static (SecurIdTokenRecord?, string?) Assign(SecurIdTokenRecord token, string userId, SecurIdTokenRequest body, SecurIdDemoKey key, DateTimeOffset now) =>
        token.IsAssigned
            ? (null, "The token is already assigned to a user; unassign it first.")
            : (token with { UserId = userId, AssignedBy = key.AccessId, AssignedAt = now, Name = body.TokenName }, null);

    private static (SecurIdTokenRecord?, string?) Unassign(SecurIdTokenRecord token, string userId, SecurIdTokenRequest body, SecurIdDemoKey key, DateTimeOffset now) =>
        token.UserId != userId
            ? (null, NotAssignedToUser)
            : (token with { UserId = null, AssignedBy = null, AssignedAt = null, Name = null }, null);

    private static (SecurIdTokenRecord?, string?) Enable(SecurIdTokenRecord token, string userId, SecurIdTokenRequest body, SecurIdDemoKey key, DateTimeOffset now) =>
        SetStatus(token, userId, SecurIdTokenStatus.Enabled, now);

    private static (SecurIdTokenRecord?, string?) Disable(SecurIdTokenRecord token, string userId, SecurIdTokenRequest body, SecurIdDemoKey key, DateTimeOffset now) =>
        SetStatus(token, userId, SecurIdTokenStatus.Disabled, now);

    // Enable and disable act on a token of the user in the path, like unassign.
    private static (SecurIdTokenRecord?, string?) SetStatus(SecurIdTokenRecord token, string userId, SecurIdTokenStatus status, DateTimeOffset now) =>
        token.UserId != userId ? (null, NotAssignedToUser)
        : token.TokenStatus == status ? (null, $"The token is already {status.ToString().ToLowerInvariant()}.")
        : (token with { TokenStatus = status, TokenStatusChangedAt = now }, null);

    private static IResult Details(SecurIdTokenRecord token) =>
        Results.Json(SecurIdTokenDetails.From(token), SecurIdJsonContext.Wire.SecurIdTokenDetails, JsonResults.ContentType);
}
