using System;

namespace TokenAdmin.Core.Hdc;

/// <summary>A named operation a token may be used for.</summary>
public sealed record HdcContext(int Code, string Name);
