using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TokenAdmin.Emulator;

/// <summary>
/// Parses <c>dotnet run --project src/TokenAdmin.Emulator -- [options]</c>. Options take their value
/// as the next argument or after '=' (<c>--port 5080</c>, <c>--port=5080</c>).
/// </summary>
internal static class EmulatorCommandLine
{
    public const int DefaultPort = 5080;

    /// <summary>The --help text; the route list comes from <see cref="EmulatorHost.RouteNames"/>.</summary>
    public static string Usage { get; } = """
        TokenAdmin emulator: the services TokenAdmin administers, in memory, on 127.0.0.1.

        Usage: tokenadmin-emulator [options]
               (from source: dotnet run --project src/TokenAdmin.Emulator -- [options])

        Options:
          --port <n>                 HTTP port (default 5080; 0 picks a free port)
          --https                    also listen for HTTPS with a self-signed certificate
          --https-port <n>           HTTPS port (default: --port + 1; 0 picks a free port)
          --verbose                  log every request to the console
          --proxy                    also act as a forward proxy for http:// targets, demanding
                                     the demo proxy credentials (Proxy-Authorization: Basic)
          --fault <route>=<step>[,<step>...]
                                     queue faults for a route (or * for every route); a step is
                                     <status>, <status>:<retryAfterSeconds>, abort or hang.
                                     Repeatable. Example: --fault hdc.tokens.list=429:1,503
          --latency <route>=<ms>     delay every request of a route. Repeatable.
          --concurrency-limit <route>=<n>[:<retryAfterSeconds>]
                                     answer 429 (with that Retry-After, if given) to a request
                                     of the route that arrives while n of its requests are being
                                     served, like a service with a concurrency quota. Repeatable.
          --url-file <path>          once listening, write the base URL to this file (the HTTPS
                                     base URL follows on a second line with --https); deleted on exit
        {{SERVICE_OPTIONS}}
          --help                     show this help

        Routes: {{ROUTES}}
        Control API (no authentication, never faulted or journaled):
          GET    /_emulator           base URLs, demo credentials, routes
          POST   /_emulator/reset     seed data back (token values drawn afresh), faults and journal cleared
          POST   /_emulator/seed      add data, e.g. {"hdc":{"tokens":[{"userId":5001,
                                      "userFullName":"Dana Reyes","contexts":["ReadDocuments"]}]},
                                      "securid":{"tokens":[{"serialNumber":"000300000001",
                                      "assignedTo":"dreyes"}]},"apstrata":{"tokens":[{"login":"dreyes"}]}}
                                      (checked whole: a mistake adds nothing); reset removes it
          POST   /_emulator/faults    {"route":"..","latencyMs":n,"concurrencyLimit":n,
                                      "steps":[{"status":429,"retryAfter":"1"},{"abort":true}]}
          DELETE /_emulator/faults    every fault, latency and limit removed
          GET    /_emulator/requests  the request journal, in arrival order

        Exit codes: 0 stopped normally, 1 could not start, 2 invalid options.
        """.Replace("{{ROUTES}}", WrapList([.. EmulatorHost.RouteNames, "* (every route)"], "        "), StringComparison.Ordinal)
        .Replace("{{SERVICE_OPTIONS}}", ServiceOptionsHelp(), StringComparison.Ordinal);

    /// <summary>The options each service adds, in the same two-column layout.</summary>
    private static string ServiceOptionsHelp() => string.Join("\n", EmulatedServices.CommandLineOptions.Select(option =>
    {
        var head = option.ValueHint is null ? option.Name : $"{option.Name} {option.ValueHint}";
        var help = option.Help.Split('\n');
        var first = head.Length < 25 ? $"  {head.PadRight(25)}  {help[0]}" : $"  {head}\n                             {help[0]}";
        return string.Join("\n", help.Skip(1).Select(line => "                             " + line).Prepend(first));
    }));

    // Comma-separated items, wrapped before 100 columns; continuation lines start with the indent.
    private static string WrapList(IReadOnlyList<string> items, string indent)
    {
        var text = new System.Text.StringBuilder();
        var column = "Routes: ".Length;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i] + (i < items.Count - 1 ? "," : string.Empty);
            if (i > 0 && column + 1 + item.Length > 100)
            {
                text.Append('\n').Append(indent); // The raw literal around it uses \n too.
                column = indent.Length;
            }
            else if (i > 0)
            {
                text.Append(' ');
                column++;
            }

            text.Append(item);
            column += item.Length;
        }

        return text.ToString();
    }

    public static CommandLineParseResult Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> knownRoutes)
    {
        try
        {
            return CommandLineParseResult.Success(new Parser(args, knownRoutes).Parse());
        }
        catch (InvalidOptionException exception)
        {
            return CommandLineParseResult.Failure(exception.Message);
        }
    }

    private sealed class Parser(IReadOnlyList<string> args, IReadOnlyCollection<string> knownRoutes)
    {
        private int index;

        public EmulatorLaunchSettings Parse()
        {
            var options = new EmulatorOptions { Port = DefaultPort };
            int? httpsPort = null;
            var faults = new List<RouteFaults>();
            var latencies = new List<RouteLatency>();
            var limits = new List<RouteConcurrencyLimit>();
            string? urlFile = null;
            var showHelp = false;

            while (index < args.Count)
            {
                var (name, inlineValue) = Split(args[index++]);
                switch (name)
                {
                    case "--port":
                        options.Port = ParsePort(name, Value(name, inlineValue));
                        break;
                    case "--https-port":
                        httpsPort = ParsePort(name, Value(name, inlineValue));
                        break;
                    case "--https":
                        Flag(name, inlineValue);
                        options.EnableHttps = true;
                        break;
                    case "--verbose":
                        Flag(name, inlineValue);
                        options.Verbose = true;
                        break;
                    case "--proxy":
                        Flag(name, inlineValue);
                        options.Proxy = new ProxyOptions();
                        break;
                    case "--fault":
                        faults.Add(ParseFaults(Value(name, inlineValue)));
                        break;
                    case "--latency":
                        latencies.Add(ParseLatency(Value(name, inlineValue)));
                        break;
                    case "--concurrency-limit":
                        limits.Add(ParseConcurrencyLimit(Value(name, inlineValue)));
                        break;
                    case "--url-file":
                        urlFile = Value(name, inlineValue);
                        break;
                    case "--help" or "-h" or "-?":
                        Flag(name, inlineValue);
                        showHelp = true;
                        break;
                    default:
                        var serviceOption = EmulatedServices.CommandLineOptions.FirstOrDefault(o => o.Name == name)
                            ?? throw new InvalidOptionException($"Unknown option '{name}'.");
                        if (serviceOption.ValueHint is null)
                        {
                            Flag(name, inlineValue);
                            serviceOption.Apply(options, string.Empty);
                        }
                        else
                        {
                            serviceOption.Apply(options, Value(name, inlineValue));
                        }

                        break;
                }
            }

            options.HttpsPort = httpsPort ?? (options.Port is 0 or 65535 ? 0 : options.Port + 1);
            return new EmulatorLaunchSettings(options, faults, latencies, limits, urlFile, showHelp);
        }

        private static (string Name, string? InlineValue) Split(string argument)
        {
            var equals = argument.StartsWith("--", StringComparison.Ordinal) ? argument.IndexOf('=') : -1;
            return equals < 0 ? (argument, null) : (argument[..equals], argument[(equals + 1)..]);
        }

        private string Value(string name, string? inlineValue)
        {
            if (inlineValue is not null)
            {
                return inlineValue;
            }

            if (index >= args.Count || args[index].StartsWith("--", StringComparison.Ordinal))
            {
                throw new InvalidOptionException($"Option '{name}' needs a value.");
            }

            return args[index++];
        }

        private static void Flag(string name, string? inlineValue)
        {
            if (inlineValue is not null)
            {
                throw new InvalidOptionException($"Option '{name}' takes no value.");
            }
        }

        private static int ParsePort(string name, string value) =>
            int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
                ? port
                : throw new InvalidOptionException($"Option '{name}' needs a port number from 0 to 65535, not '{value}'.");

        private RouteFaults ParseFaults(string value)
        {
            var (route, steps) = RouteAndValue("--fault", value);
            return new RouteFaults(route, steps.Split(',').Select(step => ParseStep(step.Trim())).ToArray());
        }

        private RouteLatency ParseLatency(string value)
        {
            var (route, milliseconds) = RouteAndValue("--latency", value);
            return int.TryParse(milliseconds, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
                ? new RouteLatency(route, TimeSpan.FromMilliseconds(ms))
                : throw new InvalidOptionException($"Option '--latency' needs <route>=<milliseconds>, not '{value}'.");
        }

        private RouteConcurrencyLimit ParseConcurrencyLimit(string value)
        {
            var (route, limitText) = RouteAndValue("--concurrency-limit", value);
            var parts = limitText.Split(':', 2);
            return int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0
                && (parts.Length == 1 || int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out _))
                ? new RouteConcurrencyLimit(route, limit, parts.Length == 2 ? parts[1] : null)
                : throw new InvalidOptionException($"Option '--concurrency-limit' needs <route>=<n>[:<retryAfterSeconds>] with n of 1 or more, not '{value}'.");
        }

        private (string Route, string Value) RouteAndValue(string name, string value)
        {
            var equals = value.IndexOf('=');
            if (equals <= 0 || equals == value.Length - 1)
            {
                throw new InvalidOptionException($"Option '{name}' needs <route>=<value>, not '{value}'.");
            }

            var route = value[..equals];
            if (!knownRoutes.Contains(route) && route != FaultInjector.AnyRoute)
            {
                throw new InvalidOptionException(
                    $"Unknown route '{route}' in '{name}'. Known: {string.Join(", ", knownRoutes)}, * (every route).");
            }

            return (route, value[(equals + 1)..]);
        }

        private static FaultStep ParseStep(string step)
        {
            if (step.Equals("abort", StringComparison.OrdinalIgnoreCase))
            {
                return FaultStep.Abort();
            }

            if (step.Equals("hang", StringComparison.OrdinalIgnoreCase))
            {
                return FaultStep.Hang();
            }

            var colon = step.IndexOf(':');
            var status = colon < 0 ? step : step[..colon];
            var retryAfter = colon < 0 ? null : step[(colon + 1)..];
            if (!int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var statusCode)
                || statusCode is < 200 or > 599
                || retryAfter is { Length: 0 })
            {
                throw new InvalidOptionException(
                    $"Fault step '{step}' is not <status> (200-599), <status>:<retryAfterSeconds>, abort or hang.");
            }

            return FaultStep.Status(statusCode, retryAfter);
        }
    }

}
