using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using RestSharp;

namespace TokenAdmin.Benchmarks.Raw;

/// <summary>
/// What a hand-written C# client does for a bulk removal: one HttpClient (or, with
/// <c>--client restsharp</c>, one RestClient: RestSharp's own share), a fixed number of requests in
/// flight, no retries, redaction, progress or objects. Lists first (not timed), removes
/// <c>--warmup</c> tokens untimed (JIT and tiering settle), then times the rest and prints
/// {"items","elapsedMs","cpuMs"}.
/// </summary>
internal static class RawRemoval
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = Parse(args);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(options["--base"]) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options["--user"]}:{options["--password"]}")));
        var owner = long.Parse(options["--owner"], CultureInfo.InvariantCulture);
        var concurrency = int.Parse(options["--concurrency"], CultureInfo.InvariantCulture);
        var warmup = options.TryGetValue("--warmup", out var w) ? int.Parse(w, CultureInfo.InvariantCulture) : 0;
        using var rest = new RestSharp.RestClient(new RestSharp.RestClientOptions(new Uri(options["--base"]))
        {
            Authenticator = new RestSharp.Authenticators.HttpBasicAuthenticator(options["--user"], options["--password"]),
        });
        Func<string, Task<bool>> remove = options.TryGetValue("--client", out var client) && client == "restsharp"
            ? async token =>
            {
                var request = new RestSharp.RestRequest("api/authtokens", RestSharp.Method.Delete)
                    .AddStringBody(JsonSerializer.Serialize(new Dictionary<string, string> { ["token"] = token }), "application/json");
                var response = await rest.ExecuteAsync(request).ConfigureAwait(false);
                return response.IsSuccessful;
            }
            : async token =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Delete, "api/authtokens")
                {
                    Content = new StringContent(JsonSerializer.Serialize(new Dictionary<string, string> { ["token"] = token }), Encoding.UTF8, "application/json"),
                };
                using var response = await http.SendAsync(request).ConfigureAwait(false);
                return response.IsSuccessStatusCode;
            };

        using var listing = JsonDocument.Parse(await http.GetStringAsync("api/authtokens/json").ConfigureAwait(false));
        var tokens = listing.RootElement.GetProperty("list").EnumerateArray()
            .Where(t => t.GetProperty("userId").GetInt64() == owner)
            .Select(t => t.GetProperty("token").GetString()!)
            .ToArray();

        await RemoveAllAsync(tokens[..Math.Min(warmup, tokens.Length)], concurrency, remove).ConfigureAwait(false);
        tokens = tokens[Math.Min(warmup, tokens.Length)..];

        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var failed = await RemoveAllAsync(tokens, concurrency, remove).ConfigureAwait(false);
        clock.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, double>
        {
            ["items"] = tokens.Length,
            ["failed"] = failed,
            ["elapsedMs"] = clock.Elapsed.TotalMilliseconds,
            ["cpuMs"] = cpu.TotalMilliseconds,
        }));
        return failed == 0 ? 0 : 1;
    }

    /// <summary>Workers that each take the next token until none is left: exactly <paramref name="concurrency"/> in flight.</summary>
    private static async Task<int> RemoveAllAsync(string[] tokens, int concurrency, Func<string, Task<bool>> remove)
    {
        var next = -1;
        var failed = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < tokens.Length)
            {
                if (!await remove(tokens[index]).ConfigureAwait(false))
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })).ConfigureAwait(false);
        return failed;
    }

    private static Dictionary<string, string> Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i]] = args[i + 1];
        }

        foreach (var required in new[] { "--base", "--user", "--password", "--owner", "--concurrency" })
        {
            if (!options.ContainsKey(required))
            {
                throw new ArgumentException($"{required} is required.");
            }
        }

        return options;
    }
}
