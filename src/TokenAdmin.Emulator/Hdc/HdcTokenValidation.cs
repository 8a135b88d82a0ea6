using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Http;

namespace TokenAdmin.Emulator;

/// <summary>A validated owner and context set for a new or updated token.</summary>
internal sealed record HdcTokenAssignment(long UserId, IReadOnlyList<HdcContext> Contexts);

/// <summary>
/// The checks POST and PUT share, in a fixed order: INVALID_REQUEST (userId missing or not
/// positive), INVALID_USER, CONTEXT_REQUIRED, INVALID_CONTEXT.
/// </summary>
internal static class HdcTokenValidation
{
    public static Outcome<HdcTokenAssignment> Validate(HdcTokenRequest request, HdcState state)
    {
        if (request.UserId is not > 0)
        {
            return HdcRequestBody.Invalid<HdcTokenAssignment>("userId is required and must be a positive number.");
        }

        var userId = request.UserId.Value;
        if (!state.UserExists(userId))
        {
            return Fail(HdcErrorCodes.InvalidUser, $"No user with userId {userId}.");
        }

        var names = request.Context ?? [];
        var codes = request.ContextAsCodesArray ?? [];
        if (names.Count == 0 && codes.Count == 0)
        {
            return Fail(HdcErrorCodes.ContextRequired, "At least one context is required (context names or contextAsCodesArray).");
        }

        // Names and codes may both be sent: TokenInfoTO carries both fields, so both are honoured.
        var contexts = new List<HdcContext>();
        foreach (var name in names)
        {
            if (name is null || state.FindContext(name) is not { } context)
            {
                return Fail(HdcErrorCodes.InvalidContext, $"Unknown context name '{name}'. Names are case-sensitive.");
            }

            contexts.Add(context);
        }

        foreach (var code in codes)
        {
            if (state.FindContext(code) is not { } context)
            {
                return Fail(HdcErrorCodes.InvalidContext, $"Unknown context code {code}.");
            }

            contexts.Add(context);
        }

        return new HdcTokenAssignment(userId, contexts.Distinct().ToArray());
    }

    private static Outcome<HdcTokenAssignment> Fail(string errorCode, string message) =>
        Outcome<HdcTokenAssignment>.Fail(JsonResults.Error(StatusCodes.Status400BadRequest, errorCode, message));
}
