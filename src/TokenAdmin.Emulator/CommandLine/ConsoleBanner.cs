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

            // Roles differ in length between services ("admin", "Super Administrator"): align per service.
            var roleWidth = Math.Max(7, service.Credentials.Select(credential => credential.Role.Length + 1).DefaultIfEmpty(0).Max());
            foreach (var credential in service.Credentials)
            {
                text.AppendLine($"  {credential.Role.PadRight(roleWidth)}{credential.Scheme,-9}{string.Join(" / ", credential.Values.Values)}");
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
}
