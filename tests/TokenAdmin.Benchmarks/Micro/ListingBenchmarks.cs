using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using TokenAdmin.Core.Hdc;
using TokenAdmin.Core.Wire;

namespace TokenAdmin.Benchmarks.Micro;

/// <summary>
/// Reading a token listing: streamed item by item (what Get-AuthToken does) against parsing the
/// whole body as one document (what it did). Same tokens; the streamed one never holds the body.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ListingBenchmarks
{
    private byte[] _body = [];

    [Params(10_000)]
    public int Tokens { get; set; }

    [GlobalSetup]
    public void Setup() => _body = Encoding.UTF8.GetBytes("""{"list":[""" + string.Join(",", Enumerable.Range(0, Tokens).Select(i =>
        $$"""{"context":[{"name":"ReadDocuments","code":2}],"userId":777,"userFullName":"Katherine Johnson","token":"{{i:x40}}","lastUpdate":1795000000000}""")) + "]}");

    [Benchmark(Baseline = true, Description = "whole document")]
    public int WholeDocument()
    {
        using var document = JsonDocument.Parse(Encoding.UTF8.GetString(_body));
        var count = 0;
        foreach (var item in TolerantJson.Property(document.RootElement, "list")!.Value.EnumerateArray())
        {
            count += HdcJson.ReadToken(item).Token.Length > 0 ? 1 : 0; // the same conversion to HdcTokenInfo
        }

        return count;
    }

    [Benchmark(Description = "streamed (HdcJson.ReadTokensAsync)")]
    public int Streamed()
    {
        var count = 0;
        HdcJson.ReadTokensAsync(new MemoryStream(_body), (batch, _) =>
        {
            count += batch.Count;
            return default;
        }, HdcProtocol.MaxListedTokens, default).GetAwaiter().GetResult();
        return count;
    }
}
