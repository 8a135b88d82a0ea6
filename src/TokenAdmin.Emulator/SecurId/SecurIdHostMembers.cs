using System;
using System.Collections.Generic;

namespace TokenAdmin.Emulator;

/// <summary>The SecurID members of the shared host and options types, kept in the SecurID folder.</summary>
public static class SecurIdHostMembers
{
    extension(EmulatorHost host)
    {
        /// <summary>The SecurID hardware tokens.</summary>
        public SecurIdState SecurId => host.Service<SecurIdService>().State;

        /// <summary>
        /// The SecurID adminRestApiUrl, exactly as key files hold it and a JWT's aud must name it:
        /// <see cref="EmulatorHost.BaseAddress"/> + <c>securid/AdminInterface/restapi</c>, no trailing slash.
        /// </summary>
        public string SecurIdAdminRestApiUrl => SecurIdService.AdminRestApiUrlFor(host.BaseAddress);

        /// <summary>The adminRestApiUrl over HTTPS (JWTs sent over HTTPS name this one in aud); null without HTTPS.</summary>
        public string? SecurIdHttpsAdminRestApiUrl => host.HttpsBaseAddress is null ? null : SecurIdService.AdminRestApiUrlFor(host.HttpsBaseAddress);

        /// <summary>The SecurID demo API keys (Super Administrator, Help Desk Administrator); shared by every host in the process.</summary>
        public IReadOnlyList<SecurIdDemoKey> SecurIdKeys => SecurIdDemoKey.All;

        /// <summary>The paths the last <see cref="WriteSecurIdKeyFiles"/> wrote; empty before.</summary>
        public IReadOnlyList<string> SecurIdKeyFilePaths => host.Service<SecurIdService>().KeyFilePaths;

        /// <summary>
        /// Writes <c>securid-super-admin.json</c> and <c>securid-help-desk.json</c> (mode 0600) for this
        /// host's adminRestApiUrl into <paramref name="directory"/> (created if missing) and returns
        /// their paths. The admin info and the banner list the files last written.
        /// </summary>
        public IReadOnlyList<string> WriteSecurIdKeyFiles(string directory)
        {
            ArgumentNullException.ThrowIfNull(directory);
            return host.Service<SecurIdService>().WriteKeyFiles(directory, SecurIdService.AdminRestApiUrlFor(host.BaseAddress));
        }
    }

    extension(EmulatorOptions options)
    {
        /// <summary>Where the command-line emulator writes the demo key files.</summary>
        public SecurIdOptions SecurId => options.Service<SecurIdOptions>();
    }
}
