using System;
using System.Linq;
using System.Text;

namespace TokenAdmin.Emulator;

/// <summary>The text a person sees when the emulator starts: where it listens and how to sign in.</summary>
internal static class ConsoleBanner
{
    public static string Render(EmulatorInfo info)
    {
        var text = new StringBuilder();
        text.AppendLine(info.Name);
        text.AppendLine($"  Listening on    {info.BaseUrl}");
        if (info.HttpsBaseUrl is not null)
        {
            text.AppendLine($"  HTTPS           {info.HttpsBaseUrl} (self-signed certificate for 127.0.0.1 and localhost: clients must skip or pin it)");
        }

        if (info.Proxy is { } proxy)
        {
            text.AppendLine($"  Forward proxy   {proxy.Url} for http:// targets (Basic {proxy.UserName} / {proxy.Password})");
        }

        foreach (var service in info.Services)
        {
            text.AppendLine();
            text.AppendLine(service.DisplayName);
            text.AppendLine($"  Base URL        {service.BaseUrl}");
            if (service.HttpsBaseUrl is not null)
            {
                text.AppendLine($"  HTTPS base URL  {service.HttpsBaseUrl}");
            }

            // Roles and schemes differ in length between services ("admin", "Super Administrator"; "Signature"): align per service.
            var roleWidth = Math.Max(7, service.Credentials.Select(credential => credential.Role.Length + 1).DefaultIfEmpty(0).Max());
            var schemeWidth = Math.Max(9, service.Credentials.Select(credential => credential.Scheme.Length + 1).DefaultIfEmpty(0).Max());
            foreach (var credential in service.Credentials)
            {
                text.AppendLine($"  {credential.Role.PadRight(roleWidth)}{credential.Scheme.PadRight(schemeWidth)}{Values(credential)}");
            }

            if (service.Credentials.Count == 0)
            {
                text.AppendLine("  (every authentication scheme is disabled)");
            }
        }

        text.AppendLine();
        text.AppendLine($"Admin endpoint    {info.AdminUrl}  ({string.Join(", ", info.AdminEndpoints.Skip(1))})");
        text.AppendLine("Press Ctrl+C to stop.");
        return text.ToString();
    }

    /// <summary>What each value is, where a pair (user / password, key file / access id) would not say.</summary>
    private static readonly System.Collections.Generic.Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["apiKey"] = "API key",
        ["totpSecret"] = "TOTP seed",
        ["authKey"] = "auth key",
        ["secret"] = "secret",
    };

    /// <summary>"user / password" pairs as they are; every other value named: "auth key DEMOKEY01, secret ...".</summary>
    private static string Values(DemoCredentialInfo credential)
    {
        var text = new StringBuilder();
        var previousLabeled = true;
        foreach (var (key, value) in credential.Values)
        {
            var labeled = Labels.TryGetValue(key, out var label);
            if (text.Length > 0)
            {
                text.Append(labeled || previousLabeled ? ", " : " / ");
            }

            text.Append(labeled ? $"{label} {value}" : value);
            previousLabeled = labeled;
        }

        return text.ToString();
    }
}
