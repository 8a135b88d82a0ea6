using System;
using TokenAdmin.Core.Http;
using TokenAdmin.Core.Http.Authentication;

namespace TokenAdmin.Core.Apstrata;

public enum ApstrataSigningMode
{
    Complex,
    Simple,
}
