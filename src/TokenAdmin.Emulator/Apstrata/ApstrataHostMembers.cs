using System;

namespace TokenAdmin.Emulator;

/// <summary>The apstrata members of the shared host and options types, kept in the apstrata folder.</summary>
public static class ApstrataHostMembers
{
    extension(EmulatorHost host)
    {
        /// <summary>apstrata's users' tokens.</summary>
        public ApstrataState Apstrata => host.Service<ApstrataService>().State;

        /// <summary>The apstrata base URL a client is given: <see cref="EmulatorHost.BaseAddress"/> + <c>apstrata/</c>.</summary>
        public Uri ApstrataBaseUri => ApstrataService.BaseUriFor(host.BaseAddress);
    }

    extension(EmulatorOptions options)
    {
        public ApstrataOptions Apstrata => options.Service<ApstrataOptions>();
    }
}
