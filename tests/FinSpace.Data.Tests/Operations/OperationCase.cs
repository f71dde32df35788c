using System;
using System.Threading;
using System.Threading.Tasks;
using FinSpace.Data.Tests.Infrastructure;

namespace FinSpace.Data.Tests.Operations;

/// <summary>
/// One operation exercised end to end: the call, what the model says must reach the wire, a
/// model-shaped response, and what the typed result must then hold.
/// </summary>
public sealed class OperationCase
{
    public required string Operation { get; init; }

    public required Func<IFinSpaceDataClient, CancellationToken, Task<object>> Call { get; init; }

    public required string Method { get; init; }

    /// <summary>The exact raw path, percent-encoded as it must appear on the request line.</summary>
    public required string Path { get; init; }

    /// <summary>Raw "name=value" pairs (percent-encoded); order is not prescribed by the model.</summary>
    public string[] Query { get; init; } = Array.Empty<string>();

    /// <summary>The JSON body the model implies, or null when the request must carry no body.</summary>
    public string? Body { get; init; }

    public ScriptedResponse Response { get; init; } = ScriptedResponse.Json("{}");

    public required Action<object> AssertResult { get; init; }

    public override string ToString() => Operation;
}
