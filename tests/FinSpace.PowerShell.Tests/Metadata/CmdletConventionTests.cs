using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace FinSpace.PowerShell.Tests.Metadata;

/// <summary>The naming and declaration rules every cmdlet follows (docs/design/cmdlet-conventions.md).</summary>
[Collection(CatalogCollection.Name)]
public sealed class CmdletConventionTests(CmdletCatalog catalog)
{
    // Irreversible: the data or the old password is gone.
    private static readonly string[] HighImpact = { "Remove-FSDataset", "Remove-FSPermissionGroup", "Reset-FSUserPassword" };

    private static readonly string[] CommonParameters =
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable",
        "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm",
    };

    [Fact]
    public void TheModuleHasTheExpectedCmdlets()
    {
        Assert.Equal(31, catalog.Cmdlets.Count);
    }

    [Fact]
    public void EveryVerbIsApproved()
    {
        var approved = new[] { "VerbsCommon", "VerbsCommunications", "VerbsData", "VerbsDiagnostic", "VerbsLifecycle", "VerbsOther", "VerbsSecurity" }
            .SelectMany(c => catalog.SmaType(c).GetFields(BindingFlags.Public | BindingFlags.Static))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet(StringComparer.Ordinal);
        Assert.Contains("Get", approved);
        Assert.All(catalog.Cmdlets, c => Assert.True(approved.Contains(c.Verb), $"{c.Name}: '{c.Verb}' is not an approved verb."));
    }

    [Fact]
    public void NounsAreSingularWithTheFsPrefix()
    {
        Assert.All(catalog.Cmdlets, c =>
        {
            Assert.StartsWith("FS", c.Noun, StringComparison.Ordinal);
            Assert.True(char.IsUpper(c.Noun[2]), $"{c.Name}: the noun after FS must start with a capital.");
            Assert.False(c.Noun.EndsWith('s'), $"{c.Name}: nouns are singular.");
        });
    }

    [Fact]
    public void ClassesAreSealedVerbNounCommandInTheCommandsNamespace()
    {
        Assert.All(catalog.Cmdlets, c =>
        {
            Assert.Equal(c.Verb + c.Noun + "Command", c.ClassName);
            Assert.Equal("FinSpace.PowerShell.Commands", c.Namespace);
            Assert.True(c.IsSealed, $"{c.ClassName} must be sealed.");
        });
    }

    [Fact]
    public void EveryCmdletThatChangesSomethingSupportsShouldProcess()
    {
        Assert.All(catalog.Cmdlets, c =>
        {
            var readOnly = c.Verb is "Get" or "Wait";
            Assert.True(c.SupportsShouldProcess != readOnly, $"{c.Name}: SupportsShouldProcess must be {!readOnly}.");
        });
    }

    [Fact]
    public void ConfirmImpactIsHighExactlyOnTheIrreversibleCmdlets()
    {
        var high = catalog.Cmdlets.Where(c => c.SupportsShouldProcess && c.ConfirmImpact == "High").Select(c => c.Name).OrderBy(n => n);
        Assert.Equal(HighImpact.OrderBy(n => n), high);
        Assert.All(catalog.Cmdlets.Where(c => c.SupportsShouldProcess && !HighImpact.Contains(c.Name)),
            c => Assert.True(c.ConfirmImpact is "Medium" or "Low", $"{c.Name}: {c.ConfirmImpact}"));
    }

    [Fact]
    public void HighImpactCmdletsOfferForceForScripts()
    {
        Assert.All(HighImpact, name => Assert.NotNull(catalog[name].Parameter("Force")));
    }

    [Fact]
    public void EveryCmdletDeclaresItsOutputType()
    {
        Assert.All(catalog.Cmdlets, c =>
        {
            Assert.NotEmpty(c.OutputTypes);
            // Only Disconnect-FSEnvironment emits nothing; Save-FSDataView -PassThru emits the files it wrote
            // as the FileInfo objects Copy-Item -PassThru writes (PowerShell has their views); everything
            // else emits our own types, never strings or raw JSON.
            Assert.All(c.OutputTypes, t => Assert.True(
                t.StartsWith("FinSpace.Management.", StringComparison.Ordinal) || (c.Name == "Disconnect-FSEnvironment" && t == "System.Void") ||
                (c.Name == "Save-FSDataView" && t == "System.IO.FileInfo"),
                $"{c.Name} declares output type {t}."));
        });
    }

    [Fact]
    public void SetAddRemoveEnableAndDisableOfferPassThru()
    {
        var changing = catalog.Cmdlets.Where(c => c.Verb is "Set" or "Add" or "Remove" or "Enable" or "Disable");
        Assert.All(changing, c => Assert.True(c.Parameter("PassThru")?.TypeName == "System.Management.Automation.SwitchParameter", $"{c.Name} lacks -PassThru."));
    }

    [Fact]
    public void IdParametersBindByPropertyNameAndComplete()
    {
        var ids = new Dictionary<string, string>
        {
            ["DatasetId"] = "DatasetIdCompleter",
            ["ChangesetId"] = "ChangesetIdCompleter",
            ["DataViewId"] = "DataViewIdCompleter",
            ["PermissionGroupId"] = "PermissionGroupIdCompleter",
            ["UserId"] = "UserIdCompleter",
        };
        var checkedCount = 0;
        foreach (var cmdlet in catalog.Cmdlets)
        {
            foreach (var parameter in cmdlet.Parameters.Where(p => p.Name.EndsWith("Id", StringComparison.Ordinal)))
            {
                Assert.All(parameter.Sets, s => Assert.True(s.ValueFromPipelineByPropertyName, $"{cmdlet.Name} -{parameter.Name} ({s.SetName}) must bind by property name."));
                if (ids.TryGetValue(parameter.Name, out var completer))
                {
                    Assert.Equal("FinSpace.PowerShell.Completion." + completer, parameter.CompleterTypeName);
                }

                checkedCount++;
            }
        }

        Assert.True(checkedCount > 30, "the id parameters were not found");
    }

    [Fact]
    public void ObjectsEmittedByOneCmdletCarryTheIdsTheNextOneBinds()
    {
        // Property names of the output types must match the id parameters, or Get | Remove does not bind.
        foreach (var (type, property) in new[]
                 {
                     ("Dataset", "DatasetId"), ("Changeset", "DatasetId"), ("Changeset", "ChangesetId"), ("DataView", "DatasetId"),
                     ("DataView", "DataViewId"), ("PermissionGroup", "PermissionGroupId"), ("User", "UserId"),
                     ("PermissionGroupMembership", "UserId"), ("PermissionGroupMembership", "PermissionGroupId"),
                     ("UserPermissionGroup", "UserId"), ("UserPermissionGroup", "PermissionGroupId"),
                 })
        {
            var clr = catalog.ObjectsAssembly.GetType("FinSpace.Management." + type, throwOnError: true)!;
            Assert.Equal("System.String", clr.GetProperty(property)!.PropertyType.FullName);
        }
    }

    [Fact]
    public void EveryCmdletDeclaresTheConnectionParametersOfTheOneMapping()
    {
        // The cmdlets and the completers read connections through FinSpace.Management.ConnectionParameterMap:
        // what a cmdlet declares must be exactly what that mapping knows, aliases included.
        var expected = FinSpace.Management.ConnectionParameterMap.All.ToDictionary(p => p.Name, p => p.Aliases.OrderBy(a => a).ToArray());
        var connected = catalog.Cmdlets.Where(c => c.Name != "Disconnect-FSEnvironment").ToList();
        Assert.True(connected.Count >= 30, $"only {connected.Count} cmdlets were found");
        foreach (var cmdlet in connected)
        {
            foreach (var (name, aliases) in expected)
            {
                var parameter = cmdlet.Parameters.SingleOrDefault(p => p.Name == name);
                Assert.True(parameter is not null, $"{cmdlet.Name} has no -{name}");
                Assert.Equal(aliases, parameter!.Aliases.OrderBy(a => a).ToArray());
            }

            Assert.Equal("FinSpace.PowerShell.Completion.ProfileNameCompleter", cmdlet.Parameters.Single(p => p.Name == "ProfileName").CompleterTypeName);
            Assert.Equal("FinSpace.PowerShell.Completion.RegionCompleter", cmdlet.Parameters.Single(p => p.Name == "Region").CompleterTypeName);
        }
    }

    [Fact]
    public void NoParameterOrAliasShadowsACommonParameter()
    {
        Assert.All(catalog.Cmdlets, c => Assert.All(c.Parameters, p =>
        {
            Assert.DoesNotContain(p.Name, CommonParameters);
            Assert.All(p.Aliases, a => Assert.DoesNotContain(a, CommonParameters));
        }));
    }

    [Fact]
    public void NoPublicParameterExposesAnAwsSdkType()
    {
        // The SDK may later load in a private context; a parameter of its type would then not bind.
        Assert.All(catalog.Cmdlets, c => Assert.All(c.Parameters, p => Assert.DoesNotContain("Amazon.", p.TypeName, StringComparison.Ordinal)));
    }

    [Fact]
    public void TheDefaultContextAssembliesReferenceNoDependency()
    {
        // The cmdlets load in PowerShell's default context and reach the engine, which lives in the
        // private one. A reference to AWSSDK.* or to a polyfill (IAsyncEnumerable from
        // Microsoft.Bcl.AsyncInterfaces, say) would bind in the default context, to whatever another
        // module loaded there, or to a type the engine's net8.0 build does not use.
        Assert.Equal(
            new[] { "FinSpace.Data", "FinSpace.Objects", "netstandard", "System.Management.Automation" },
            catalog.Assembly.GetReferencedAssemblies().Select(a => a.Name!).OrderBy(n => n, StringComparer.OrdinalIgnoreCase));
        Assert.Equal(new[] { "netstandard" }, catalog.ObjectsAssembly.GetReferencedAssemblies().Select(a => a.Name!));
    }

    [Fact]
    public void EveryListingCmdletTakesAPageSizeNotAPrompt()
    {
        var lists = catalog.Cmdlets.Where(c => c.ParameterSets.Contains("List"));
        Assert.All(lists, c =>
        {
            var maxResults = c.Parameter("MaxResults")!;
            Assert.StartsWith("System.Nullable`1[[System.Int32,", maxResults.TypeName, StringComparison.Ordinal);
            Assert.All(maxResults.Sets, s => Assert.False(s.Mandatory));
            Assert.Contains("ValidateRangeAttribute", maxResults.ValidationAttributes);
        });
    }

    [Fact]
    public void ErrorCategoriesOfTheCoreExistInPowerShell()
    {
        // The cmdlet layer maps FinSpaceErrorCategory to ErrorCategory by name.
        var powerShell = catalog.SmaType("ErrorCategory").GetEnumNames();
        var ours = catalog.CoreAssembly.GetType("FinSpace.Management.FinSpaceErrorCategory", throwOnError: true)!.GetEnumNames();
        Assert.All(ours, name => Assert.Contains(name, powerShell));
    }
}
