using System.Text;

namespace FinSpace.Benchmarks.Infrastructure;

/// <summary>
/// The bytes the fixed-response server sends. They were captured from the emulator (a GetDataset of a
/// dataset with a three-column schema, and a CreateDataset answer), so the client parses what the
/// service really sends, while the server does no work beyond copying bytes.
/// </summary>
internal static class CannedResponses
{
    public const string DatasetId = "YlqaLs55dk3AbNYXSVE33C";

    public const string RequestId = "61031960-d7f9-453d-a0fe-29cce7618450";

    public static readonly byte[] GetDataset = Encoding.UTF8.GetBytes(
        "{\"datasetId\":\"YlqaLs55dk3AbNYXSVE33C\",\"datasetArn\":\"arn:aws:finspace:us-east-1:123456789012:dataset/YlqaLs55dk3AbNYXSVE33C\"," +
        "\"datasetTitle\":\"Equity prices\",\"kind\":\"TABULAR\",\"datasetDescription\":\"Daily equity closing prices\"," +
        "\"createTime\":1795319625198,\"lastModifiedTime\":1795319625198,\"schemaDefinition\":{\"tabularSchemaConfig\":{\"columns\":[" +
        "{\"dataType\":\"STRING\",\"columnName\":\"ticker\",\"columnDescription\":\"Exchange ticker\"}," +
        "{\"dataType\":\"DOUBLE\",\"columnName\":\"price\",\"columnDescription\":\"Close\"}," +
        "{\"dataType\":\"DATE\",\"columnName\":\"traded\",\"columnDescription\":\"Trade date\"}],\"primaryKeyColumns\":[\"ticker\"]}}," +
        "\"alias\":\"alias/equities\",\"status\":\"SUCCESS\"}");

    public static readonly byte[] CreateDataset = Encoding.UTF8.GetBytes("{\"datasetId\":\"YlqaLs55dk3AbNYXSVE33C\"}");
}
