using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TokenAdmin.Emulator;

/// <summary>[doc] Create and delete MFA session tokens; XML bodies.</summary>
internal sealed class PowerClerkEndpoints(PowerClerkState state)
{
    public void Map(IEndpointRouteBuilder api)
    {
        var tokens = api.MapGroup("/Accounts/MfaSessionTokens");
        tokens.MapPost(string.Empty, CreateAsync).WithName(PowerClerkRouteNames.CreateSessionToken);
        tokens.MapDelete("/{tokenId}", Delete).WithName(PowerClerkRouteNames.DeleteSessionToken);
    }

    private async Task<IResult> CreateAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var caller = (PowerClerkCaller)context.Items[PowerClerkCaller.Key]!;
        if (caller.UsesMfa && caller.SecondFactor != "totp")
        {
            // [doc] A TOTP is the only second factor accepted here: an MST cannot create an MST.
            return PowerClerkErrors.Error(StatusCodes.Status401Unauthorized, PowerClerkErrors.InvalidMfa,
                "Creating an MFA session token needs a one-time code (X-MfaTotp); an MFA session token is not accepted here.");
        }

        var body = await RequestBodyText.ReadAsync(context.Request, cancellationToken);
        var minutes = PowerClerkDemo.DefaultExpiresAfterMinutes;
        if (!string.IsNullOrWhiteSpace(body))
        {
            XElement root;
            try
            {
                root = XElement.Parse(body);
            }
            catch (XmlException)
            {
                return PowerClerkErrors.Error(StatusCodes.Status400BadRequest, PowerClerkErrors.InvalidRequest, "The body is not XML.");
            }

            var value = root.Attributes().FirstOrDefault(a => a.Name.LocalName.Equals("ExpiresAfterMinutes", StringComparison.OrdinalIgnoreCase))?.Value;
            if (value is not null && (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out minutes) || minutes < 1))
            {
                return PowerClerkErrors.Error(StatusCodes.Status400BadRequest, PowerClerkErrors.InvalidRequest, "ExpiresAfterMinutes must be a positive number.");
            }
        }

        var created = state.Create(caller.UserName, minutes);
        var response = new XElement("CreateMfaSessionTokenResponse",
            new XAttribute("TokenId", created.TokenId),
            new XAttribute("Token", created.Token),
            new XAttribute("ExpiresAt", created.ExpiresAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)));
        return Results.Content(response.ToString(SaveOptions.DisableFormatting), "application/xml", System.Text.Encoding.UTF8, StatusCodes.Status201Created);
    }

    private IResult Delete(HttpContext context, string tokenId)
    {
        var caller = (PowerClerkCaller)context.Items[PowerClerkCaller.Key]!;
        return state.Delete(caller.UserName, tokenId)
            ? Results.NoContent()
            : PowerClerkErrors.Error(StatusCodes.Status404NotFound, PowerClerkErrors.TokenNotFound, "This user has no MFA session token with that id.");
    }
}
