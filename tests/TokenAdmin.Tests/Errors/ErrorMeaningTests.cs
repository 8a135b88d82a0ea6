using System.Collections.Generic;
using System.Management.Automation;
using TokenAdmin.Core.Http;
using TokenAdmin.Errors;
using Xunit;

namespace TokenAdmin.Tests.Errors;

/// <summary>What a failure means: the service's own code first, then its status, then the shared defaults.</summary>
public sealed class ErrorMeaningTests
{
    private static readonly ErrorVocabulary Vocabulary = new("Demo", "Connect-Demo",
        new Dictionary<int, StatusMeaning> { [401] = new("DemoBadCredentials", ErrorCategory.AuthenticationError, "Check the password.") },
        new Dictionary<string, StatusMeaning> { ["MFA_REQUIRED"] = new("DemoSecondFactorMissing", ErrorCategory.AuthenticationError, "Pass -TotpCode.") });

    [Theory]
    [InlineData(401, "MFA_REQUIRED", "DemoSecondFactorMissing")]
    [InlineData(401, "mfa_required", "DemoSecondFactorMissing")]
    [InlineData(401, "BAD_PASSWORD", "DemoBadCredentials")]
    [InlineData(401, null, "DemoBadCredentials")]
    [InlineData(403, "MFA_REQUIRED", "DemoSecondFactorMissing")]
    [InlineData(403, null, "PermissionDenied")]
    public void The_service_code_wins_over_the_status(int status, string? code, string errorId)
    {
        var error = ServiceErrorTranslator.Translate(Failure(status, code), "item", Vocabulary);

        Assert.Equal(errorId, error.ErrorId);
    }

    [Fact]
    public void A_failure_inside_a_2xx_maps_by_its_code_or_else_is_unexpected()
    {
        Assert.Equal("DemoSecondFactorMissing", ServiceErrorTranslator.Translate(InSuccess("MFA_REQUIRED"), null, Vocabulary).ErrorId);
        var unknown = ServiceErrorTranslator.Translate(InSuccess("SOMETHING_ELSE"), null, Vocabulary);
        Assert.Equal(ErrorIds.UnexpectedResponse, unknown.ErrorId);
        Assert.Equal(ErrorCategory.InvalidResult, unknown.Category);
    }

    private static ServiceException Failure(int status, string? code) =>
        ServiceException.FromResponse(Outgoing(), "https://demo.example/x", Response(status), new ServiceError(code, "m"), null, null, null, false);

    private static ServiceException InSuccess(string code) =>
        ServiceException.ReportedInSuccess(Request(), "https://demo.example/x", Response(200), new ServiceError(code, "m"), null, false);

    private static ServiceRequest Request() => ServiceRequest.Create(System.Net.Http.HttpMethod.Delete, "x", "remove demo");

    private static OutgoingRequest Outgoing() => Request().ToOutgoing();

    private static ServiceResponse Response(int status) =>
        new(status, null, "{}", "application/json", new Dictionary<string, string>(), 1, System.TimeSpan.Zero);
}
