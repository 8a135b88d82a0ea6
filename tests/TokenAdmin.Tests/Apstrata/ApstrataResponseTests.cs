using System;
using System.Collections.Generic;
using TokenAdmin.Core.Apstrata;
using TokenAdmin.Core.Http;
using Xunit;

namespace TokenAdmin.Tests.Apstrata;

/// <summary>[doc] XML by default, JSON on request; a failure may arrive with HTTP 200; errorDetail or errorMessage.</summary>
public sealed class ApstrataResponseTests
{
    private const string Ns = "http://www.apstrata.com/services/schemas/apstrata_database_response.xsd";

    [Theory]
    [InlineData("<response xmlns=\"" + Ns + "\"><metadata><requestId>r1</requestId><status>failure</status><errorCode>INVALID_TOKEN</errorCode><errorDetail>Could not find the token</errorDetail></metadata></response>", "application/xml")]
    [InlineData("{\"response\":{\"metadata\":{\"requestId\":\"r1\",\"status\":\"failure\",\"errorCode\":\"INVALID_TOKEN\",\"errorMessage\":\"Could not find the token\"}}}", "application/json")]
    public void A_failure_inside_a_200_is_read_from_XML_or_JSON(string body, string contentType)
    {
        var failure = ApstrataResponse.Failure(Response(body, contentType));

        Assert.Equal("INVALID_TOKEN", failure!.Code);
        Assert.Equal("Could not find the token", failure.Message);
        Assert.Equal("r1", failure.RequestId);
    }

    [Theory]
    [InlineData("<response xmlns=\"" + Ns + "\"><metadata><status>success</status></metadata><result><apsdb.authToken>T1</apsdb.authToken><apsdb.tokenExpires>1800</apsdb.tokenExpires></result></response>", "text/xml")]
    [InlineData("{\"response\":{\"metadata\":{\"status\":\"success\"},\"result\":{\"apsdb.authToken\":\"T1\",\"apsdb.tokenExpires\":1800}}}", "application/json")]
    public void A_success_and_its_result_are_read_from_XML_or_JSON(string body, string contentType)
    {
        var read = ApstrataResponse.Read(Response(body, contentType));

        Assert.False(read.IsFailure);
        Assert.Equal("T1", read.Result("apsdb.authToken"));
        Assert.Equal("1800", read.Result("apsdb.tokenExpires"));
        Assert.Null(ApstrataResponse.Failure(Response(body, contentType)));
    }

    private static ServiceResponse Response(string body, string contentType) =>
        new(200, "OK", body, contentType, new Dictionary<string, string>(), 1, TimeSpan.Zero);
}
