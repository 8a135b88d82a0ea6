using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Http;
using TokenAdmin.Tests.Fixtures;
using Xunit;

namespace TokenAdmin.Emulator.Tests.Apstrata;

/// <summary>
/// The emulator's signature check against the official Java SDK's own signatures (tests/Fixtures), and
/// against the other reading of a complex user signature (apsws.user encoded, as the docs and the PHP
/// SDK sign it). The service's real rule is unknown, so the emulator accepts both and nothing else.
/// </summary>
public sealed class ApstrataSdkVectorTests
{
    public static TheoryData<int> Vectors => new(ApstrataSdkVector.All.Select(v => v.Line));

    public static TheoryData<int> ComplexUserVectors => new(ApstrataSdkVector.All.Where(v => !v.IsOwner && !v.IsSimple).Select(v => v.Line));

    private static (HttpRequest Request, List<KeyValuePair<string, string>> Parameters, string? Login, string Key) Arrange(ApstrataSdkVector vector)
    {
        var url = new Uri(vector.BaseUrl.TrimEnd('/') + "/" + vector.AuthKey + "/" + vector.Action);
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Scheme = url.Scheme;
        context.Request.Host = new HostString(url.Authority);
        context.Request.Path = url.AbsolutePath;
        var parameters = vector.Body.Concat(vector.SdkSends).ToList();
        return (context.Request, parameters, vector.IsOwner ? null : vector.Login, vector.IsOwner ? vector.Secret! : ApstrataWire.UserKey(vector.Password!));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Accepts_what_the_Java_SDK_signed(int line)
    {
        var vector = ApstrataSdkVector.All[line - 1];
        var (request, parameters, login, key) = Arrange(vector);

        Assert.True(ApstrataWire.SignatureMatches(request, parameters, vector.AuthKey, vector.Action, login, key), vector.ToString());
        Assert.False(ApstrataWire.SignatureMatches(request, parameters, vector.AuthKey, vector.Action, login, key + "x"), $"{vector}: any key passes");
    }

    [Theory]
    [MemberData(nameof(ComplexUserVectors))]
    public void Accepts_a_complex_user_signature_with_apsws_user_encoded_as_the_docs_and_PHP_sign_it(int line)
    {
        var vector = ApstrataSdkVector.All[line - 1];
        var (request, parameters, login, key) = Arrange(vector);
        var encoded = ApstrataWire.Complex(request, parameters, key, encodeUser: true);
        var signed = parameters.Where(p => p.Key != "apsws.authSig").Append(new("apsws.authSig", encoded)).ToList();

        Assert.True(ApstrataWire.SignatureMatches(request, signed, vector.AuthKey, vector.Action, login, key), vector.ToString());
        var javaReading = vector.SdkSends["apsws.authSig"];
        Assert.Equal(javaReading == encoded, ApstrataWire.Encode(login!) == login); // the readings differ exactly when the login needs encoding
    }

    [Fact]
    public void An_owner_signature_has_one_reading_only()
    {
        var vector = ApstrataSdkVector.All.First(v => v.IsOwner && !v.IsSimple);
        var (request, parameters, _, key) = Arrange(vector);
        var withUser = parameters.Append(new("apsws.user", "a b")).ToList(); // an owner request names no user: the lenient reading is a user's only
        var raw = ApstrataWire.Complex(request, withUser, key, encodeUser: false);
        var signed = withUser.Where(p => p.Key != "apsws.authSig").Append(new("apsws.authSig", raw)).ToList();

        Assert.False(ApstrataWire.SignatureMatches(request, signed, vector.AuthKey, vector.Action, login: null, key));
    }
}
