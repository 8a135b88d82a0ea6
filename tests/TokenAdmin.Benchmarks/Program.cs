using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;
using TokenAdmin.Benchmarks.Raw;

namespace TokenAdmin.Benchmarks;

/// <summary>
/// <c>micro [BenchmarkDotNet options]</c>: the core's per-request work. <c>raw-remove</c>: removes
/// tokens with one shared HttpClient at a fixed concurrency and prints JSON (elapsed, CPU), the
/// baseline Bench.ps1 sets the module beside.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "micro")
        {
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args[1..]);
            return 0;
        }

        if (args.Length > 0 && args[0] == "raw-remove")
        {
            return await RawRemoval.RunAsync(args[1..]).ConfigureAwait(false);
        }

        Console.Error.WriteLine("Usage: TokenAdmin.Benchmarks micro [--filter *] | raw-remove --base <url> --user <name> --password <text> --owner <userId> --concurrency <n>");
        return 2;
    }
}
