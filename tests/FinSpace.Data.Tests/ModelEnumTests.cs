using System.Text.Json;
using FinSpace.Data.Metadata;
using FinSpace.Data.Model;
using FinSpace.Data.Serialization;
using FinSpace.Data.Validation;

namespace FinSpace.Data.Tests;

/// <summary>String enums: exact on the wire, forgiving only for values a person types.</summary>
public sealed class ModelEnumTests
{
    [Fact]
    public void UnknownValuesFromTheWireRoundTripUnchanged()
    {
        var response = JsonSerializer.Deserialize("""{"status":"ARCHIVED","changeType":"REPLACE"}""", FinSpaceJsonContext.Default.GetChangesetResponse)!;

        Assert.Equal("ARCHIVED", response.Status!.Value);
        Assert.False(response.Status.IsKnown);
        Assert.Same(ChangeType.Replace, response.ChangeType);
        Assert.Equal("""{"changeType":"REPLACE","status":"ARCHIVED"}""", JsonSerializer.Serialize(response, FinSpaceJsonContext.Default.GetChangesetResponse));
    }

    [Fact]
    public void TheWireIsNotCorrectedSoAWrongCaseIsCaughtByValidation()
    {
        var request = JsonSerializer.Deserialize("""{"datasetTitle":"t","kind":"tabular","permissionGroupParams":{}}""", FinSpaceJsonContext.Default.CreateDatasetRequest)!;

        Assert.Equal("tabular", request.Kind!.Value);
        Assert.False(request.Kind.IsKnown);
        var problem = Assert.Single(ModelValidator.Validate(ServiceModel.CreateDataset.Input, request));
        Assert.Equal(("kind", "enum"), (problem.MemberPath, problem.Rule));
    }

    [Fact]
    public void ValuesTypedByAPersonFindTheKnownValueIgnoringCase()
    {
        DatasetKind typed = "non_tabular";

        Assert.Same(DatasetKind.NonTabular, typed);
        Assert.Same(DatasetKind.Tabular, DatasetKind.FindValue("Tabular"));
        Assert.True(typed.Equals("NON_TABULAR"));
        Assert.True(typed.Equals("non_tabular"));
        Assert.False(typed.Equals(DatasetKind.Tabular));
        Assert.Equal("NON_TABULAR", (string?)typed);
    }
}
