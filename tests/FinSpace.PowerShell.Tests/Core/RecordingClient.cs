using System;
using System.Collections.Generic;
using System.Reflection;
using System.Threading.Tasks;
using FinSpace.Data;

namespace FinSpace.PowerShell.Tests.Core;

/// <summary>
/// An IFinSpaceDataClient that records each request and answers with an empty response of the
/// right type: for what the services send, where the emulator does not show it back.
/// </summary>
public class RecordingClient : DispatchProxy
{
    public List<object> Requests { get; } = new();

    public static (IFinSpaceDataClient Client, RecordingClient Recorder) Create()
    {
        var client = DispatchProxy.Create<IFinSpaceDataClient, RecordingClient>();
        return (client, (RecordingClient)(object)client);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod is null || !targetMethod.ReturnType.IsGenericType || targetMethod.ReturnType.GetGenericTypeDefinition() != typeof(Task<>))
        {
            throw new NotSupportedException($"{targetMethod?.Name} is not a recorded operation.");
        }

        Requests.Add(args![0]!);
        var responseType = targetMethod.ReturnType.GetGenericArguments()[0];
        return typeof(Task).GetMethod(nameof(Task.FromResult))!.MakeGenericMethod(responseType).Invoke(null, new[] { Activator.CreateInstance(responseType) });
    }
}
