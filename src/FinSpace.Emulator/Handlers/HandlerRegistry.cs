using System;
using System.Collections.Generic;
using FinSpace.Data.Metadata;

namespace FinSpace.Emulator.Handlers;

/// <summary>Maps each operation of the model to the small handler that implements it.</summary>
internal sealed class HandlerRegistry
{
    private readonly Dictionary<string, Func<object, OperationContext, object>> _handlers = new(StringComparer.Ordinal);

    public HandlerRegistry()
    {
        DatasetHandlers.Register(this);
        ChangesetHandlers.Register(this);
        DataViewHandlers.Register(this);
        PermissionGroupHandlers.Register(this);
        UserHandlers.Register(this);
        MembershipHandlers.Register(this);
        CredentialHandlers.Register(this);

        foreach (var operation in ServiceModel.Operations)
        {
            if (!_handlers.ContainsKey(operation.Name))
            {
                throw new InvalidOperationException($"No handler implements {operation.Name}.");
            }
        }
    }

    public void Add<TRequest, TResponse>(OperationMetadata operation, Func<TRequest, OperationContext, TResponse> handler)
        where TRequest : class
        where TResponse : class
    {
        _handlers.Add(operation.Name, (request, context) => handler((TRequest)request, context));
    }

    public object Invoke(OperationMetadata operation, object request, OperationContext context) =>
        _handlers[operation.Name](request, context);
}
