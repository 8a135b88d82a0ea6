using TokenAdmin.Connections;
using TokenAdmin.Core.Http;
using TokenAdmin.Core.PowerClerk;
using TokenAdmin.Errors;
using TokenAdmin.Runtime;

namespace TokenAdmin.PowerClerk;

/// <summary>What a refused second factor means, given what the refused request sent (the service's 401 may not say).</summary>
internal static class SecondFactorAdvice
{
    public static CommandError Explain(CommandError error, ServiceException exception)
    {
        if (error.ErrorId != ErrorIds.AuthenticationFailed || exception.ServiceErrorCode is not null || exception.CredentialSent is not SecondFactorSent sent)
        {
            return error;
        }

        var advice = sent == SecondFactorSent.None
            ? "The request carried no second factor: if the account uses MFA, connect with -TotpSecret or pass -TotpCode. Otherwise check the user name, password and API key."
            : sent == SecondFactorSent.Totp
                ? "The request carried a one-time code: it may be wrong, used already, or from a clock or seed that is off. Check the credentials and API key too."
                : "The request carried the connection's MFA session token: it may have expired or been replaced (creating one deletes the previous). Create a new one with New-MfaSessionToken -TotpCode.";
        return error with { RecommendedAction = advice };
    }
}
