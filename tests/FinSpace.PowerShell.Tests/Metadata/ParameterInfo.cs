using System.Collections.Generic;

namespace FinSpace.PowerShell.Tests.Metadata;

/// <summary>One parameter of one cmdlet as PowerShell will see it.</summary>
public sealed record CmdletParameter(
    string Name,
    string TypeName,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<ParameterSetMembership> Sets,
    IReadOnlyList<string>? ValidateSet,
    bool HasCompleter,
    string? CompleterTypeName,
    IReadOnlyList<string> ValidationAttributes,
    string DeclaringType,
    bool SupportsWildcards = false);

/// <summary>How a parameter belongs to one parameter set ("__AllParameterSets" when none is named).</summary>
public sealed record ParameterSetMembership(
    string SetName,
    bool Mandatory,
    int? Position,
    bool ValueFromPipeline,
    bool ValueFromPipelineByPropertyName);
