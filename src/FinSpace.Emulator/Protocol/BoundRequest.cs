using FinSpace.Data.Metadata;

namespace FinSpace.Emulator.Protocol;

/// <summary>A request turned into its operation's input object, with the idempotency token if it carries one.</summary>
internal sealed record BoundRequest(OperationMetadata Operation, object Input, string? ClientToken, string Fingerprint);
