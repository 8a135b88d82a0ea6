using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using TokenAdmin.Core.Redaction;
using Xunit;

namespace TokenAdmin.Tests.CoreTests;

public class RedactorTests
{
    private static readonly RedactionRules Rules = new(
        loggableFields: new[] { "userId", "name", "list", "context", "message", "errorCode", "token" /* listed by mistake */ },
        loggableQueryParameters: new[] { "page", "apsws.time" },
        extraLoggableHeaders: Array.Empty<string>());

    private static Redactor Redactor(params string[] sensitive) => new(Rules, sensitive);

    [Theory]
    [InlineData("Authorization", "Basic ZGVtbzpzZWNyZXQ=")]
    [InlineData("X-ApiKey", "k-123456")]
    [InlineData("X-MfaSessionToken", "RXKVCEZTR0GN-value")]
    [InlineData("X-MfaTotp", "123456")]
    [InlineData("Cookie", "session=abc")]
    [InlineData("Proxy-Authorization", "Basic cHJveHk6cA==")]
    [InlineData("X-Custom-Header", "not on the allow-list")]
    public void Headers_off_the_allow_list_are_redacted(string name, string value) =>
        Assert.Equal($"{name}: REDACTED", Redactor().Headers(new[] { KeyValuePair.Create(name, value) }));

    [Theory]
    [InlineData("Content-Type", "application/json")]
    [InlineData("Retry-After", "2")]
    [InlineData("X-Request-Id", "req-1")]
    public void Allow_listed_headers_are_shown(string name, string value) =>
        Assert.Equal($"{name}: {value}", Redactor().Headers(new[] { KeyValuePair.Create(name, value) }));

    [Fact]
    public void Json_keeps_its_shape_and_shows_only_allow_listed_scalars()
    {
        const string body = """{"list":[{"token":"t0k3n-value-1","userId":5,"name":"Grace","password":"p@ss","description":"free text","nested":{"secret":"s","name":"x"},"pinSet":true,"n":null}]}""";
        var shown = Redactor().Body(body, "application/json");
        Assert.Equal("""{"list":[{"token":"REDACTED","userId":5,"name":"Grace","password":"REDACTED","description":"REDACTED","nested":{"secret":"REDACTED","name":"x"},"pinSet":true,"n":null}]}""", shown);
    }

    [Fact]
    public void A_secret_like_name_is_hidden_even_when_an_allow_list_names_it() =>
        Assert.DoesNotContain("t0k3n", Redactor().Body("""{"token":"t0k3n"}""", "application/json"));

    [Fact]
    public void A_secret_named_object_is_hidden_whole() =>
        Assert.Equal("""{"credentials":"REDACTED"}""", Redactor().Body("""{"credentials":{"name":"n","pw":"x"}}""", null));

    [Fact]
    public void Xml_attributes_elements_and_mixed_text_are_redacted_by_name()
    {
        const string body = """<CreateMfaSessionTokenResponse xmlns="urn:x" TokenId="RXKVCEZTR0GN" Token="secret-mst-value" name="ok"><message>fine</message><Token>inner-secret</Token><list>mixed-secret<name>y</name></list></CreateMfaSessionTokenResponse>""";
        var shown = Redactor().Body(body, "application/xml");
        Assert.DoesNotContain("secret-mst-value", shown);
        Assert.DoesNotContain("inner-secret", shown);
        Assert.DoesNotContain("RXKVCEZTR0GN", shown); // TokenId is not allow-listed here
        Assert.Contains("name=\"ok\"", shown);
        Assert.Contains("<message>fine</message>", shown);
        Assert.Contains("<list>mixed-secret", shown); // "list" is allow-listed: its own text shows
    }

    [Fact]
    public void Xml_with_a_dtd_is_not_expanded() =>
        Assert.Contains("malformed XML", Redactor().Body("""<!DOCTYPE x [<!ENTITY e "boom">]><x>&e;</x>""", "text/xml"));

    [Fact]
    public void Form_bodies_and_query_strings_redact_by_name()
    {
        Assert.Equal("userId=5&password=REDACTED&apsdb.authToken=REDACTED",
            Redactor().Body("userId=5&password=hunter2&apsdb.authToken=abc", "application/x-www-form-urlencoded"));
        Assert.Equal("https://h.example/apsdb/rest/KEY/DeleteToken?page=2&apsws.time=1700000000000&apsws.authSig=REDACTED",
            Redactor().Url(new Uri("https://u:p@h.example/apsdb/rest/KEY/DeleteToken?page=2&apsws.time=1700000000000&apsws.authSig=ABCDEF0123")));
    }

    [Fact]
    public void Malformed_structured_bodies_are_not_shown_raw() =>
        Assert.Equal("(18 characters of malformed JSON, not shown)", Redactor().Body("""{"password":"x" """ + "xx", "application/json"));

    [Fact]
    public void Free_text_loses_known_secrets_in_plain_and_url_encoded_form()
    {
        var text = Redactor("pa ss/word!", "tok-9").Scrub("user sent 'pa ss/word!' and pa%20ss%2Fword%21 with tok-9");
        Assert.Equal("user sent 'REDACTED' and REDACTED with REDACTED", text);
    }

    [Theory]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhYmMifQ.c2lnbmF0dXJlLXZhbHVlMTIz")] // a JWT
    [InlineData("0123456789abcdef0123456789abcdef01234567")] // a hex token
    [InlineData("q8Zr+3kP/9xYw2Lm5Nb7Vc1Tt4Rs6Ua0==")] // base64
    public void Free_text_loses_opaque_token_like_values(string value) =>
        Assert.Equal("token REDACTED is invalid", Redactor().Scrub($"token {value} is invalid"));

    [Theory]
    [InlineData("AddCommentToChangeRequest could not be found")]
    [InlineData("GET http://127.0.0.1:5080/hdc/api/authtokens/json")]
    [InlineData("Unable to complete service call")]
    [InlineData("Name or service not known (tenant-123.access.securid.com:443)")]
    public void Ordinary_text_survives(string text) => Assert.Equal(text, Redactor().Scrub(text));

    [Fact]
    public void Very_short_values_are_scrubbed_where_they_stand_as_a_word_and_spared_inside_words() =>
        Assert.Equal("password REDACTED was refused; abcdef and xabc stay; REDACTED.", Redactor("abc").Scrub("password abc was refused; abcdef and xabc stay; ABC."));

    /// <summary>A hostile service echoes a secret transformed: each form is removed, for a long and a 3-character secret.</summary>
    [Theory]
    [InlineData("pa ss+w/rd&<é>\"")]
    [InlineData("a+b")]
    public void A_secret_echoed_in_any_encoding_is_removed(string secret)
    {
        var forms = new[]
        {
            secret,
            secret.ToUpperInvariant(),
            secret.ToLowerInvariant(),
            Uri.EscapeDataString(secret),
            Uri.EscapeDataString(secret).ToLowerInvariant(),
            System.Net.WebUtility.UrlEncode(secret),
            System.Web.HttpUtility.UrlEncode(secret),
            System.Net.WebUtility.HtmlEncode(secret),
            System.Text.Json.JsonEncodedText.Encode(secret).ToString(),
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(secret)),
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(secret)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
        };
        var redactor = Redactor(secret);
        foreach (var form in forms)
        {
            var shown = redactor.Scrub($"denied: {form} (echoed)");
            Assert.Equal("denied: REDACTED (echoed)", shown);
            Assert.DoesNotContain(form, redactor.RemoveKnownSecrets($"id-{form}"), StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>Any secret under a secret-like name, or registered as sensitive, is absent from every rendering.</summary>
    [Fact]
    public void No_secret_survives_any_rendering() =>
        Prop.ForAll(
                Gen.Elements("token", "password", "apiKey", "X-Secret", "authSig", "accessKey", "sessionToken", "Pwd", "privateKey", "mst")
                    .ToArbitrary(),
                Gen.ArrayOf(Gen.Elements("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~+/=!$%&*()".ToCharArray()))
                    .Where(chars => chars.Length is >= 4 and <= 60)
                    .Select(chars => "S3cr" + new string(chars))
                    .ToArbitrary(),
                (name, secret) =>
                {
                    var json = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object> { [name] = secret, ["list"] = new[] { new Dictionary<string, string> { [name] = secret } } });
                    var form = $"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(secret)}&userId=1";
                    var xml = $"<r {System.Xml.XmlConvert.EncodeLocalName(name)}=\"{System.Security.SecurityElement.Escape(secret)}\"><{System.Xml.XmlConvert.EncodeLocalName(name)}>{System.Security.SecurityElement.Escape(secret)}</{System.Xml.XmlConvert.EncodeLocalName(name)}></r>";
                    var redactor = new Redactor(Rules, new[] { secret });
                    var outputs = new[]
                    {
                        redactor.Body(json, "application/json"),
                        redactor.Body(form, "application/x-www-form-urlencoded"),
                        redactor.Body(xml, "application/xml"),
                        redactor.Scrub($"the service said: {secret} is wrong"),
                        redactor.Headers(new[] { KeyValuePair.Create(name, secret) }),
                        redactor.Url(new Uri($"https://h.example/p?{form}")),
                    };
                    return outputs.All(o => !o.Contains(secret, StringComparison.Ordinal));
                })
            .QuickCheckThrowOnFailure();
}
