using System;
using System.Collections.Generic;
using TokenAdmin.Core.Http;
using TokenAdmin.Core.PowerClerk;
using Xunit;

namespace TokenAdmin.Tests.PowerClerk;

/// <summary>[assume] PowerClerk error bodies may be XML in any shape, text or nothing.</summary>
public sealed class PowerClerkErrorReaderTests
{
    [Theory]
    [InlineData("<Error><Code>INVALID_MFA</Code><Message>Code used</Message></Error>", "application/xml", "INVALID_MFA", "Code used")]
    [InlineData("<error code=\"INVALID_MFA\" message=\"Code used\"/>", "text/xml", "INVALID_MFA", "Code used")]
    [InlineData("<ns:Fault xmlns:ns=\"urn:x\"><ns:ErrorCode>INVALID_MFA</ns:ErrorCode><ns:ErrorMessage>Code used</ns:ErrorMessage></ns:Fault>", "application/xml", "INVALID_MFA", "Code used")]
    [InlineData("<Error>Code used</Error>", "application/xml", null, "Code used")]
    [InlineData("Code used", "text/plain", null, "Code used")]
    public void Reads_a_code_and_a_message_from_any_shape(string body, string contentType, string? code, string message)
    {
        var error = new PowerClerkErrorReader().Read(Response(body, contentType));

        Assert.Equal(code, error?.Code);
        Assert.Equal(message, error?.Message);
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("   ", "text/plain")]
    public void An_empty_body_is_no_error_detail(string body, string? contentType) =>
        Assert.Null(new PowerClerkErrorReader().Read(Response(body, contentType)));

    private static ServiceResponse Response(string body, string? contentType) =>
        new(401, "Unauthorized", body, contentType, new Dictionary<string, string>(), 1, TimeSpan.Zero);
}
