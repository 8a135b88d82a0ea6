using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using TokenAdmin.Core.Http;
using TokenAdmin.Core.Http.Authentication;

namespace TokenAdmin.Core.Apstrata;

public enum ApstrataSigningMode
{
    Complex,
    Simple,
}
