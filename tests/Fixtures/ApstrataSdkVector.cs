using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace TokenAdmin.Tests.Fixtures;

/// <summary>
/// One signature the official apstrata Java SDK computed with a fixed clock (apstrata-sdk-signatures.jsonl,
/// measured, never edited): who signs (owner with its secret, or a user with login and password), the
/// base URL, action, mode and body, and the parameters the SDK sent (apsws.authSig, apsws.time,
/// apsws.authMode, apsws.user). Compiled into the module's and the emulator's tests.
/// </summary>
internal sealed record ApstrataSdkVector(int Line, string Identity, string BaseUrl, string AuthKey, string? Secret, string? Login, string? Password,
    string Action, string Mode, long Time, IReadOnlyList<KeyValuePair<string, string>> Body, IReadOnlyDictionary<string, string> SdkSends)
{
    public static IReadOnlyList<ApstrataSdkVector> All { get; } = Load();

    public bool IsOwner => Identity == "owner";

    public bool IsSimple => Mode == "simple";

    public override string ToString() => $"line {Line}: {Identity} {Mode} {Action} {Login ?? string.Join(",", Body.Where(p => p.Key == "userList").Select(p => p.Value))}";

    private static IReadOnlyList<ApstrataSdkVector> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "apstrata-sdk-signatures.jsonl");
        return File.ReadAllLines(path).Select((line, index) =>
        {
            var root = JsonDocument.Parse(line).RootElement;
            string? Text(string name) => root.TryGetProperty(name, out var value) ? value.GetString() : null;
            return new ApstrataSdkVector(index + 1, Text("identity")!, Text("baseUrl")!, Text("authKey")!, Text("secret"), Text("login"), Text("password"),
                Text("action")!, Text("mode")!, root.GetProperty("time").GetInt64(),
                root.GetProperty("body").EnumerateArray().Select(pair => new KeyValuePair<string, string>(pair[0].GetString()!, pair[1].GetString()!)).ToList(),
                root.GetProperty("sdkSends").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal));
        }).ToList();
    }
}
