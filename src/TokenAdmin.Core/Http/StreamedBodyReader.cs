using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace TokenAdmin.Core.Http;

/// <summary>
/// Reads a successful response's body as it arrives, so a list of a million tokens is never one
/// string in memory. Called once, for the 2xx attempt; once it has begun the request is never
/// repeated (what it read may already have been written to the pipeline).
/// </summary>
public delegate Task StreamedBodyReader(Stream body, CancellationToken cancellationToken);
