namespace FinSpace.Emulator.State;

/// <summary>
/// ARNs of emulated resources: <c>arn:aws:finspace:{region}:{account}:dataset/{datasetId}</c>, and for
/// children <c>…:dataset/{datasetId}/changeset/{changesetId}</c> and <c>…:dataset/{datasetId}/dataview/{dataViewId}</c>.
/// </summary>
internal sealed class Arns
{
    private readonly string _prefix;

    public Arns(string region, string accountId)
    {
        _prefix = $"arn:aws:finspace:{region}:{accountId}:";
    }

    public string Dataset(string datasetId) => $"{_prefix}dataset/{datasetId}";

    public string Changeset(string datasetId, string changesetId) => $"{_prefix}dataset/{datasetId}/changeset/{changesetId}";

    public string DataView(string datasetId, string dataViewId) => $"{_prefix}dataset/{datasetId}/dataview/{dataViewId}";
}
