using System;

namespace TokenAdmin.Core.Redaction;

internal enum BodyKind
{
    Text,
    Json,
    Xml,
    Form,
}
