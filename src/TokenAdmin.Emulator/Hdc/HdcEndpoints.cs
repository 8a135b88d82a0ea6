using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TokenAdmin.Emulator;

/// <summary>The authentication tokens resource of SERVICES.md §4, relative to the tenant base URL.</summary>
internal sealed class HdcEndpoints(HdcState state)
{
    public void Map(IEndpointRouteBuilder tenant)
    {
        var tokens = tenant.MapGroup("/api/authtokens");
        tokens.MapGet("/json", ListTokens).WithName(HdcRouteNames.ListTokens).AllowHdcReader();
        tokens.MapGet("/context/json", ListContexts).WithName(HdcRouteNames.ListContexts).AllowHdcReader();
        tokens.MapPost(string.Empty, CreateTokenAsync).WithName(HdcRouteNames.CreateToken);
        tokens.MapPut(string.Empty, UpdateTokenAsync).WithName(HdcRouteNames.UpdateToken);
        tokens.MapDelete(string.Empty, DeleteTokenAsync).WithName(HdcRouteNames.DeleteToken);
    }

    private IResult ListTokens()
    {
        // A snapshot, serialised as it is enumerated: the first tokens leave while the rest are being
        // written, as a service that streams its list would send them (a million tokens are not built first).
        var list = state.Tokens
            .Select(token => new HdcTokenModel(
                token.Contexts.Select(context => new HdcTokenContextModel(context.Name, context.Code)).ToArray(),
                token.UserId,
                state.FullNameOf(token.UserId),
                token.Token,
                token.LastUpdate.ToUnixTimeMilliseconds()));
        return Results.Json(new HdcList<HdcTokenModel>(list), HdcJsonContext.Default.HdcListHdcTokenModel, JsonResults.ContentType);
    }

    private IResult ListContexts()
    {
        var list = state.Contexts.Select(context => new HdcContextModel(context.Code, context.Name)).ToArray();
        return Results.Json(new HdcList<HdcContextModel>(list), HdcJsonContext.Default.HdcListHdcContextModel, JsonResults.ContentType);
    }

    // 201 with "{}": the service does not return the new token's value; clients list to find it.
    private async Task<IResult> CreateTokenAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if ((await HdcRequestBody.ReadAsync(request, cancellationToken)).Failed(out var error, out var body)
            || HdcTokenValidation.Validate(body, state).Failed(out error, out var assignment))
        {
            return error;
        }

        state.Create(assignment.UserId, assignment.Contexts);
        return Results.Content("{}", JsonResults.ContentType, statusCode: StatusCodes.Status201Created);
    }

    private async Task<IResult> UpdateTokenAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if ((await HdcRequestBody.ReadAsync(request, cancellationToken)).Failed(out var error, out var body))
        {
            return error;
        }

        if (string.IsNullOrEmpty(body.Token))
        {
            return TokenRequired();
        }

        if (HdcTokenValidation.Validate(body, state).Failed(out error, out var assignment))
        {
            return error;
        }

        return state.Update(body.Token, assignment.UserId, assignment.Contexts) is null ? TokenNotFound() : Results.NoContent();
    }

    private async Task<IResult> DeleteTokenAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if ((await HdcRequestBody.ReadAsync(request, cancellationToken)).Failed(out var error, out var body))
        {
            return error;
        }

        if (string.IsNullOrEmpty(body.Token))
        {
            return TokenRequired();
        }

        return state.Delete(body.Token) ? Results.NoContent() : TokenNotFound();
    }

    private static IResult TokenRequired() =>
        JsonResults.Error(StatusCodes.Status400BadRequest, HdcErrorCodes.InvalidRequest, "token is required.");

    // The message never repeats the token value: clients may echo server messages into logs.
    private static IResult TokenNotFound() =>
        JsonResults.Error(StatusCodes.Status404NotFound, HdcErrorCodes.TokenNotFound, "No such token.");
}
