using System;

namespace TokenAdmin.Emulator;

/// <summary>The HDC members of the shared host and options types, kept in the HDC folder.</summary>
public static class HdcHostMembers
{
    extension(EmulatorHost host)
    {
        /// <summary>The HDC tokens, users and contexts.</summary>
        public HdcState Hdc => host.Service<HdcService>().State;

        /// <summary>The HDC tenant base URL a client is given: <see cref="EmulatorHost.BaseAddress"/> + <c>hdc/</c>.</summary>
        public Uri HdcBaseUri => HdcService.TenantBaseUriFor(host.BaseAddress);
    }

    extension(EmulatorOptions options)
    {
        /// <summary>Which schemes HDC accepts, its users and access tokens.</summary>
        public HdcOptions Hdc
        {
            get => options.Service<HdcOptions>();
            set => options.SetService(value);
        }
    }
}
