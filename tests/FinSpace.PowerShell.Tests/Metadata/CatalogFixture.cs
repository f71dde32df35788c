namespace FinSpace.PowerShell.Tests.Metadata;

/// <summary>One catalog for all metadata tests: reading the assembly once is enough.</summary>
[CollectionDefinition(Name)]
public sealed class CatalogCollection : ICollectionFixture<CmdletCatalog>
{
    public const string Name = "Cmdlet catalog";
}
