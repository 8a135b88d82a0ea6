using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace TokenAdmin.Emulator.Tests.Apstrata;

/// <summary>The emulator's apstrata contract over raw HTTP: XML by default, every documented error reachable.</summary>
public sealed class ApstrataContractTests : EmulatorTestBase
{
    [Fact]
    public async Task Answers_are_XML_by_default_in_the_documented_namespace()
    {
        using var response = await PostAsync("DEMOKEY01/DeleteToken", new[] { ("apsdb.authToken", "nope") }, new[] { ("apsws.user", "amy@example.com") });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("http://www.apstrata.com/services/schemas/apstrata_database_response.xsd", body, StringComparison.Ordinal);
        Assert.Contains("<errorCode>INVALID_TOKEN</errorCode>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_signature_is_INVALID_SIGNATURE_and_a_bad_referer_MALFORMED_REFERER()
    {
        using var unsigned = await PostAsync("DEMOKEY01/DeleteToken", new[] { ("apsws.time", Now()) }, new[] { ("apsws.responseType", "json") });
        using var referer = await PostAsync("DEMOKEY01/DeleteToken", Array.Empty<(string, string)>(), Array.Empty<(string, string)>(), "::not a url::");

        Assert.Contains("INVALID_SIGNATURE", await unsigned.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("MALFORMED_REFERER", await referer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failures_may_arrive_with_200_when_asked()
    {
        Host.Options.Apstrata.FailuresWithStatus200 = true;

        using var response = await PostAsync("DEMOKEY01/DeleteToken", new[] { ("apsdb.authToken", "nope") }, new[] { ("apsws.user", "amy@example.com") });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<status>failure</status>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PostAsync(string path, IEnumerable<(string Name, string Value)> query, IEnumerable<(string Name, string Value)> form, string? referer = null)
    {
        var url = new Uri(Host.BaseAddress, "apstrata/apsdb/rest/" + path + "?" + string.Join("&", query.Select(q => Uri.EscapeDataString(q.Name) + "=" + Uri.EscapeDataString(q.Value))));
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(form.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))),
        };
        if (referer is not null)
        {
            request.Headers.TryAddWithoutValidation("Referer", referer);
        }

        return await Client.SendAsync(request, Timeout);
    }

    private static string Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
