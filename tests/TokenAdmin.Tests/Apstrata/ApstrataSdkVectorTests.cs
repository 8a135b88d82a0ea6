using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Security;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using TokenAdmin.Apstrata;
using TokenAdmin.Connections;
using TokenAdmin.Core.Apstrata;
using TokenAdmin.Core.Http.Authentication;
using TokenAdmin.Tests.Fixtures;
using TokenAdmin.Tests.Support;
using Xunit;

namespace TokenAdmin.Tests.Apstrata;

/// <summary>
/// The module against the signatures the official apstrata Java SDK computed (tests/Fixtures, measured):
/// for every vector, Connect-Apstrata with the vector's base URL (the SDK's form, ending in /apsdb/rest)
/// and credentials, no -SignatureMode unless the vector's mode is not the default, then the request the
/// module builds for the vector's action and body, signed at the vector's time. It sends what the SDK
/// sent, except where it deliberately differs; each such vector is named with the reason.
/// </summary>
public sealed class ApstrataSdkVectorTests
{
    private static readonly Regex SafeLogin = new(@"\A[A-Za-z0-9._-]+\z");

    public static TheoryData<int> Vectors => new(ApstrataSdkVector.All.Select(v => v.Line));

    /// <summary>Why the module's request differs from the SDK's for this vector, or null when it must not.</summary>
    private static string? DeliberateDifference(ApstrataSdkVector vector)
    {
        if (!vector.Body.Any(p => p.Key == ApstrataProtocol.ResponseTypeParameter))
        {
            return "the module always asks for JSON (apsws.responseType=json, which is signed); the SDK's vector did not";
        }

        if (!vector.IsOwner && !vector.IsSimple && !SafeLogin.IsMatch(vector.SdkSends[ApstrataProtocol.UserParameter]))
        {
            return "with -SignatureMode Complex the module URL-encodes apsws.user in the string to sign, as apstrata's docs and PHP SDK do; " +
                "the Java SDK signs it unencoded. The default for a user is Simple, where every client agrees";
        }

        return null;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public async Task The_module_signs_as_the_SDK_did(int line)
    {
        var vector = ApstrataSdkVector.All[line - 1];
        var seam = new RecordingSeam();
        var command = new ConnectApstrataCommand
        {
            AuthKey = vector.AuthKey,
            BaseUri = new Uri(vector.BaseUrl),
            Clock = new VirtualClock(DateTimeOffset.FromUnixTimeMilliseconds(vector.Time)),
            PassThruPresent = true,
        };
        if (vector.IsOwner)
        {
            command.Secret = SecretText.Protect(vector.Secret!);
        }
        else
        {
            var credential = new PSCredential(vector.Login!, new SecureString());
            seam.Credentials[credential] = new NetworkCredential(vector.Login, vector.Password);
            command.Credential = credential;
        }

        var defaultMode = vector.IsOwner ? ApstrataProtocol.DefaultOwnerSigning : ApstrataProtocol.DefaultUserSigning;
        var wanted = vector.IsSimple ? ApstrataSigningMode.Simple : ApstrataSigningMode.Complex;
        if (wanted != defaultMode)
        {
            command.SignatureMode = vector.IsSimple ? TokenAdmin.ApstrataSignatureMode.Simple : TokenAdmin.ApstrataSignatureMode.Complex;
        }

        CommandHarness.Invoke(command, new ConnectionStore(), seam: seam);
        Assert.True(seam.Terminating is null, $"{vector}: {seam.Terminating?.DisplayMessage}");
        var connection = seam.OutputOf<ApstrataConnection>().Single();
        Assert.Equal(wanted, connection.Client.Authenticator.Mode);

        var parameters = vector.Body.Where(p => p.Key != ApstrataProtocol.ResponseTypeParameter).ToList();
        var request = connection.Client.Request(vector.Action, parameters, "vector", idempotent: false).ToOutgoing();
        await connection.Client.Authenticator.AuthenticateAsync(request, default);

        var sent = request.Query.Where(p => p.Key.StartsWith("apsws.", StringComparison.Ordinal)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        Assert.Equal(vector.SdkSends.Keys.Order(StringComparer.Ordinal), sent.Keys.Order(StringComparer.Ordinal)); // no authMode, user or other parameter the SDK did not send
        Assert.Equal(new Uri(vector.BaseUrl.TrimEnd('/') + "/" + vector.AuthKey + "/" + vector.Action), new Uri(connection.BaseUri, request.Path));
        var same = vector.SdkSends.All(p => sent[p.Key] == p.Value);
        if (DeliberateDifference(vector) is { } why)
        {
            Assert.False(same, $"{vector} is named as differing ({why}), but the module now sends what the SDK sent: drop the exception");
        }
        else
        {
            Assert.True(same, $"{vector}: the SDK sent {string.Join(", ", vector.SdkSends)}; the module {string.Join(", ", sent)}");
        }
    }

    [Fact]
    public void Every_kind_of_vector_is_there_and_the_differences_are_few()
    {
        var all = ApstrataSdkVector.All;
        Assert.Equal(45, all.Count);
        Assert.All(new[] { "owner simple", "owner complex", "user simple", "user complex" },
            kind => Assert.Contains(all, v => $"{v.Identity} {v.Mode}" == kind));
        Assert.All(all.Where(v => v.IsSimple || v.IsOwner).Where(v => v.Body.Any(p => p.Key == ApstrataProtocol.ResponseTypeParameter)),
            v => Assert.Null(DeliberateDifference(v))); // every owner and every simple vector the module can send is byte-identical
    }
}
