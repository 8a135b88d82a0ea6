using System;
using System.Collections.Generic;
using System.Net.Http;
using BenchmarkDotNet.Attributes;
using TokenAdmin.Core.Hdc;
using TokenAdmin.Core.Http;
using TokenAdmin.Core.Redaction;
using TokenAdmin.Core.Text;

namespace TokenAdmin.Benchmarks.Micro;

/// <summary>
/// The core's work for one removal, apart from the network: what every request pays, and what
/// it now pays only when a log line or an error needs it (the fingerprint in the operation's
/// words, the redacted URL).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class PerRequestBenchmarks
{
    private const string Token = "3f1c9a0be47d2c58a91e06b7d4f2a8c3e5b19d70";
    private static readonly string[] Secrets = ["Basic YWRtaW46RGVtby1BZG1pbi1QYXNzd29yZC0x", Token];
    private static readonly Uri Url = new("http://127.0.0.1:5080/hdc/api/authtokens");

    private static readonly KeyValuePair<string, string>[] ResponseHeaders =
    [
        new("Date", "Wed, 02 Dec 2026 03:00:00 GMT"),
        new("Server", "Kestrel"),
        new("X-Request-Id", "0HN8R1G9K2L3M:00000001"),
        new("Content-Type", "application/json; charset=utf-8"),
        new("Content-Length", "2"),
    ];

    [Benchmark(Description = "delete request: body, sensitive value, lazy words")]
    public ServiceRequest DeleteRequest()
    {
        var request = new ServiceRequest(HttpMethod.Delete, HdcProtocol.TokensPath, () => $"remove auth token {TokenFingerprint.Of(Token)}")
            { Idempotent = true, AlreadyDoneStatus = 404 }
            .WithBody(HdcJson.DeleteBody(Token), "application/json");
        request.SensitiveValues.Add(Token);
        return request;
    }

    [Benchmark(Description = "operation words with fingerprint (only for logs and errors now)")]
    public string OperationWords() => $"remove auth token {TokenFingerprint.Of(Token)}";

    [Benchmark(Description = "redactor + response headers scrubbed (every response)")]
    public int ResponseHeadersRedacted()
    {
        var redactor = new Redactor(HdcProtocol.Redaction, Secrets);
        var length = 0;
        foreach (var (_, value) in ResponseHeaders)
        {
            length += redactor.RemoveKnownSecrets(value).Length;
        }

        return length;
    }

    [Benchmark(Description = "redacted URL (only for logs and errors now)")]
    public string RedactedUrl() => new Redactor(HdcProtocol.Redaction, Secrets).Url(Url);
}
