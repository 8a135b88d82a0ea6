using System;

namespace TokenAdmin.Emulator;

/// <summary>The PowerClerk members of the shared host type, kept in the PowerClerk folder.</summary>
public static class PowerClerkHostMembers
{
    extension(EmulatorHost host)
    {
        /// <summary>PowerClerk's MFA session tokens and used TOTP steps.</summary>
        public PowerClerkState PowerClerk => host.Service<PowerClerkService>().State;

        /// <summary>The PowerClerk base URL a client is given: <see cref="EmulatorHost.BaseAddress"/> + <c>powerclerk/</c>.</summary>
        public Uri PowerClerkBaseUri => PowerClerkService.BaseUriFor(host.BaseAddress);
    }
}
