using System.Collections.Generic;
using System.Management.Automation;
using TokenAdmin.Apstrata;
using TokenAdmin.Core.Http;
using TokenAdmin.Errors;
using Xunit;

namespace TokenAdmin.Tests.Apstrata;

/// <summary>Every documented apstrata code has a stable ErrorId and a specific category, inside a 2xx or not.</summary>
public sealed class ApstrataErrorMeaningTests
{
    [Theory]
    [InlineData("INVALID_TOKEN", "ApstrataInvalidToken", ErrorCategory.ObjectNotFound)]
    [InlineData("INVALID_SIGNATURE", "AuthenticationFailed", ErrorCategory.AuthenticationError)]
    [InlineData("INVALID_USERLIST", "ApstrataInvalidUserList", ErrorCategory.LimitsExceeded)]
    [InlineData("USERLIST_REQUIRED", "ApstrataUserListRequired", ErrorCategory.InvalidArgument)]
    [InlineData("USER_TOKEN_REQUIRED", "ApstrataUserTokenRequired", ErrorCategory.InvalidArgument)]
    [InlineData("INVALID_PARAMETER", "ApstrataInvalidParameter", ErrorCategory.InvalidArgument)]
    [InlineData("MALFORMED_REFERER", "ApstrataMalformedReferer", ErrorCategory.InvalidArgument)]
    [InlineData("INTERNAL_ERROR", "ApstrataInternalError", ErrorCategory.InvalidResult)]
    public void Each_documented_code_means_one_thing_with_any_status(string code, string errorId, ErrorCategory category)
    {
        foreach (var status in new[] { 200, 400, 401, 500 })
        {
            var exception = status == 200
                ? ServiceException.ReportedInSuccess(Request(), "https://x/apsdb", Response(status), new ServiceError(code, "m"), null, false)
                : ServiceException.FromResponse(Request().ToOutgoing(), "https://x/apsdb", Response(status), new ServiceError(code, "m"), null, null, null, false);

            var error = ServiceErrorTranslator.Translate(exception, "amy", ApstrataErrors.Vocabulary);

            Assert.Equal(errorId, error.ErrorId);
            Assert.Equal(category, error.Category);
        }
    }

    private static ServiceRequest Request() => ServiceRequest.Create(System.Net.Http.HttpMethod.Post, "apsdb/rest/K/DeleteToken", "delete");

    private static ServiceResponse Response(int status) => new(status, null, "{}", "application/json", new Dictionary<string, string>(), 1, System.TimeSpan.Zero);
}
