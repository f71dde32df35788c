using System.Collections.Generic;

namespace FinSpace.HelpBuilder.Model;

/// <summary>
/// One documented parameter: its description and one attribute block per group of parameter sets
/// in which it behaves alike (most parameters have a single block).
/// </summary>
public sealed record ParameterHelp(string Name, IReadOnlyList<string> Description, IReadOnlyList<ParameterAttributes> Blocks);
