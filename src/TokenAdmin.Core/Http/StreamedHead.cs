using System;
using System.Collections.Generic;
using RestSharp.Interceptors;

namespace TokenAdmin.Core.Http;

/// <summary>What a streamed 2xx said before its body.</summary>
internal sealed record StreamedHead(int StatusCode, string? ReasonPhrase, string? ContentType, IReadOnlyList<KeyValuePair<string, string>> Headers);
