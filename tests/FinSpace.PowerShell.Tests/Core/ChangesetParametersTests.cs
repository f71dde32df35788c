using System;
using System.Collections;
using FinSpace.Management;

namespace FinSpace.PowerShell.Tests.Core;

/// <summary>Typed changeset parameters become the maps FinSpace expects; the hashtable escape hatch loses to them.</summary>
public sealed class ChangesetParametersTests
{
    [Fact]
    public void TypedValuesWinOverTheHashtableAndSourceTypeDefaultsToS3()
    {
        var extra = ChangesetParameters.FromDictionary(new Hashtable { ["s3SourcePath"] = "s3://old/x", ["custom"] = "kept" }, "SourceParameter");

        var source = ChangesetParameters.Source("s3://new/y.csv", null, extra);

        Assert.Equal("s3://new/y.csv", source["s3SourcePath"]);
        Assert.Equal("S3", source["sourceType"]);
        Assert.Equal("kept", source["custom"]);
    }

    [Fact]
    public void FormatValuesAreTheTextFinSpaceReads()
    {
        var format = ChangesetParameters.Format("CSV", false, "\t", "GZIP", ChangesetParameters.FromDictionary(new Hashtable { ["quoteChar"] = "\"", ["skip"] = 2, ["strict"] = true }, "FormatParameter"));

        Assert.Equal("false", format["withHeader"]);
        // A tab cannot pass the model's "not only whitespace" pattern: it travels as backslash-t.
        Assert.Equal("\\t", format["separator"]);
        Assert.Equal("GZIP", format["compression"]);
        Assert.Equal("2", format["skip"]);
        // PowerShell's $true would print "True"; FinSpace reads lower case.
        Assert.Equal("true", format["strict"]);
    }

    [Fact]
    public void ATabInTheHashtableTravelsAsBackslashTToo()
    {
        var format = ChangesetParameters.Format("CSV", null, null, null, ChangesetParameters.FromDictionary(new Hashtable { ["separator"] = "\t" }, "FormatParameter"));

        Assert.Equal(@"\t", format["separator"]);
        Assert.Equal(2, format["separator"].Length);
    }

    [Fact]
    public void MergeLaysOverridesOverTheCurrentMap()
    {
        var merged = ChangesetParameters.Merge(new StringMap { ["formatType"] = "CSV", ["separator"] = "," }, new StringMap { ["separator"] = "|" });

        Assert.Equal("formatType=CSV; separator=|", merged.ToString());
    }

    [Fact]
    public void MissingSourceOrFormatIsReportedByParameter()
    {
        var noSource = Assert.ThrowsAny<ArgumentException>(() => new ChangesetDefinition { FormatParams = new StringMap { ["formatType"] = "CSV" } }.Validate("ds1"));
        var noFormat = Assert.ThrowsAny<ArgumentException>(() => new ChangesetDefinition { SourceParams = new StringMap { ["s3SourcePath"] = "s3://b/k" } }.Validate("ds1"));
        var emptyKey = Assert.Throws<ArgumentException>(() => ChangesetParameters.FromDictionary(new Hashtable { [" "] = "x" }, "FormatParameter"));

        Assert.Equal("SourcePath", noSource.ParamName);
        Assert.StartsWith("-SourcePath is required", noSource.Message);
        Assert.Equal("FormatType", noFormat.ParamName);
        Assert.StartsWith("-FormatType is required", noFormat.Message);
        Assert.Equal("FormatParameter", emptyKey.ParamName);
    }
}
