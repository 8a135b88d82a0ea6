using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TokenAdmin.Emulator;

/// <summary>
/// RSA SecurID Cloud Administration API (SERVICES.md §3), mounted at <c>/securid</c>; a client's
/// adminRestApiUrl is <c>{host}/securid/AdminInterface/restapi</c> (no trailing slash).
/// </summary>
internal sealed class SecurIdService(SecurIdState state, SecurIdOptions options, TimeProvider timeProvider) : IEmulatedService
{
    /// <summary>For the registration list: routes, the --key-dir option, and a service per host.</summary>
    public static IEmulatedServiceDefinition Definition { get; } = new EmulatedServiceDefinition(
        SecurIdRouteNames.All,
        [
            new ServiceCommandLineOption("--key-dir", "<path>",
                "where to write the SecurID demo API key files\n(securid-super-admin.json, securid-help-desk.json, mode 0600)\n" +
                "for this emulator's adminRestApiUrl (default: a fresh directory\nunder the system temp folder); the files are deleted on exit,\n" +
                "as their keys are valid only while this process runs",
                static (emulator, value) => emulator.SecurId.KeyDirectory = string.IsNullOrWhiteSpace(value)
                    ? throw new InvalidOptionException("Option '--key-dir' needs a directory path.")
                    : value),
        ],
        static emulator => new SecurIdService(new SecurIdState(emulator.TimeProvider), emulator.SecurId, emulator.TimeProvider));

    /// <summary>The hardware tokens this service holds.</summary>
    public SecurIdState State => state;

    /// <summary>Writes the demo key files (into --key-dir, or a fresh temporary folder); deleting them undoes it.</summary>
    public IDisposable? OnStarted(EmulatorHost host)
    {
        var created = options.KeyDirectory is null ? Directory.CreateTempSubdirectory("tokenadmin-emulator-keys-").FullName : null;
        var files = WriteKeyFiles(options.KeyDirectory ?? created!, AdminRestApiUrlFor(host.BaseAddress));
        return new KeyFileCleanup(files, created);
    }

    /// <summary>The keys die with the process, so their files go too.</summary>
    private sealed class KeyFileCleanup(IReadOnlyList<string> files, string? createdDirectory) : IDisposable
    {
        public void Dispose()
        {
            foreach (var file in files)
            {
                File.Delete(file);
            }

            if (createdDirectory is not null)
            {
                Directory.Delete(createdDirectory, recursive: true);
            }
        }
    }

    public const string ServiceKey = "securid";
    public const string AdminRestApiPath = "AdminInterface/restapi";
    public const string AuthScheme = "JWT";

    private readonly object gate = new();
    private IReadOnlyList<(SecurIdDemoKey Key, string Path)> keyFiles = [];

    public string Key => ServiceKey;

    public IReadOnlyList<string> RouteNames => SecurIdRouteNames.All;

    /// <summary>The adminRestApiUrl below a host base address, exactly as key files hold it and JWTs name it in aud.</summary>
    public static string AdminRestApiUrlFor(Uri baseAddress) => baseAddress.AbsoluteUri + ServiceKey + "/" + AdminRestApiPath;

    /// <summary>The file name of a demo key's key file.</summary>
    public static string KeyFileNameOf(SecurIdDemoKey key) =>
        key.Role == SecurIdRole.SuperAdministrator ? "securid-super-admin.json" : "securid-help-desk.json";

    public void MapEndpoints(IEndpointRouteBuilder serviceRoot)
    {
        var validator = new SecurIdJwtValidator(timeProvider, SecurIdDemoKey.All);
        var api = serviceRoot.MapGroup("/" + AdminRestApiPath).AddEndpointFilter(new SecurIdAuthenticationFilter(validator));
        new SecurIdEndpoints(state).Map(api);
    }

    public void Reset() => state.Reset();

    /// <summary>
    /// <c>{"tokens":[{"serialNumber":"000300000001","assignedTo":"dreyes","name":"Dana's token","status":"Disabled"}]}</c>:
    /// new hardware tokens, enabled and unassigned unless the item says otherwise.
    /// </summary>
    public Func<int> PrepareSeed(System.Text.Json.JsonElement section)
    {
        var now = timeProvider.GetUtcNow();
        var records = new List<SecurIdTokenRecord>();
        var items = SeedSection.Items(section, ServiceKey, "tokens");
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"{ServiceKey}.tokens[{i}]";
            var serial = SeedSection.RequiredString(items[i], path, "serialNumber");
            if (state.Find(serial) is not null || records.Exists(record => record.TokenSerialNumber == serial))
            {
                throw new SeedException($"{path}: a token with serial number {serial} exists already.");
            }

            var assignedTo = SeedSection.OptionalString(items[i], path, "assignedTo");
            var status = SeedSection.OptionalString(items[i], path, "status") switch
            {
                null => SecurIdTokenStatus.Enabled,
                { } text when Enum.TryParse<SecurIdTokenStatus>(text, ignoreCase: true, out var parsed) => parsed,
                { } text => throw new SeedException($"{path}.status is Enabled or Disabled, not '{text}'."),
            };
            records.Add(new SecurIdTokenRecord(serial, SecurIdSeedData.DeviceType, status, assignedTo, assignedTo is null ? null : "seed@emulator",
                assignedTo is null ? null : now, now, null, now.AddYears(5), SeedSection.OptionalString(items[i], path, "name"), PinSet: assignedTo is not null));
        }

        return () =>
        {
            records.ForEach(state.Add);
            return records.Count;
        };
    }

    public IResult InjectedFault(int statusCode) => SecurIdErrors.Fault(statusCode);

    /// <summary>Writes both demo key files into <paramref name="directory"/> and remembers them for <see cref="Describe"/>.</summary>
    public IReadOnlyList<string> WriteKeyFiles(string directory, string adminRestApiUrl)
    {
        var fullDirectory = Path.GetFullPath(directory);
        if (!Directory.Exists(fullDirectory))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(fullDirectory);
            }
            else
            {
                Directory.CreateDirectory(fullDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        var written = SecurIdDemoKey.All.Select(key => (Key: key, Path: Path.Combine(fullDirectory, KeyFileNameOf(key)))).ToArray();
        foreach (var (key, path) in written)
        {
            key.WriteKeyFile(path, adminRestApiUrl);
        }

        lock (gate)
        {
            keyFiles = written;
        }

        return written.Select(file => file.Path).ToArray();
    }

    /// <summary>The key files written so far (the last <see cref="WriteKeyFiles"/>); empty when none.</summary>
    public IReadOnlyList<string> KeyFilePaths
    {
        get { lock (gate) { return keyFiles.Select(file => file.Path).ToArray(); } }
    }

    // Key file paths, accessIDs and roles; never a private key (the files hold those).
    public EmulatedServiceInfo Describe(Uri baseAddress, Uri? httpsBaseAddress)
    {
        IReadOnlyList<(SecurIdDemoKey Key, string Path)> files;
        lock (gate)
        {
            files = keyFiles;
        }

        var credentials = SecurIdDemoKey.All.Select(key =>
        {
            var values = new Dictionary<string, string>();
            if (files.FirstOrDefault(file => file.Key == key).Path is { } path)
            {
                values["keyFile"] = path;
            }

            values["accessId"] = key.AccessId;
            return new DemoCredentialInfo(key.RoleName, AuthScheme, values);
        }).ToArray();

        return new EmulatedServiceInfo(
            Key,
            "RSA SecurID Cloud Administration API (base URL = adminRestApiUrl = the JWT aud)",
            AdminRestApiUrlFor(baseAddress),
            httpsBaseAddress is null ? null : AdminRestApiUrlFor(httpsBaseAddress),
            RouteNames,
            [AuthScheme],
            credentials);
    }
}
