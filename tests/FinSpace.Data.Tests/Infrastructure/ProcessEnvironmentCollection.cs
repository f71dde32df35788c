namespace FinSpace.Data.Tests.Infrastructure;

/// <summary>Tests that change process-wide environment variables; they run alone, never in parallel with others.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment";
}
