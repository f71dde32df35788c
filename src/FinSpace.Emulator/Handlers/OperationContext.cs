using System;
using System.Collections.Generic;
using FinSpace.Emulator.Jobs;
using FinSpace.Emulator.Persistence;
using FinSpace.Emulator.State;
using FinSpace.Emulator.Sts;

namespace FinSpace.Emulator.Handlers;

/// <summary>What a handler may use: the state (already locked), the clock reading of this request, and settings.</summary>
internal sealed class OperationContext
{
    private readonly List<Action> _afterCommit = new();

    public OperationContext(EmulatorState state, DateTimeOffset now, EmulatorOptions options, Arns arns, Pager pager, IDataStore data, IssuedKey? minted = null, DataJobs? jobs = null)
    {
        Data = data;
        Jobs = jobs;
        Minted = minted;
        State = state;
        Now = now;
        Options = options;
        Arns = arns;
        Pager = pager;
    }

    public EmulatorState State { get; }

    /// <summary>One clock reading per request, so every field of a response agrees.</summary>
    public DateTimeOffset Now { get; }

    public EmulatorOptions Options { get; }

    public LifecycleTimings Timings => Options.Lifecycle;

    public Arns Arns { get; }

    public Pager Pager { get; }

    /// <summary>Ingested rows and files by changeset.</summary>
    public IDataStore Data { get; }

    /// <summary>Background ingestion and export; null when storage is simulated.</summary>
    public DataJobs? Jobs { get; }

    /// <summary>Work that may only start once this request's changes are durable (jobs read them back).</summary>
    public void AfterCommit(Action action) => _afterCommit.Add(action);

    public void RunAfterCommit()
    {
        foreach (var action in _afterCommit)
        {
            action();
        }
    }

    /// <summary>Keys the storage's STS issued for this request, when the operation hands keys out and storage is configured.</summary>
    public IssuedKey? Minted { get; }
}
