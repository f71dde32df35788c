using System.Collections.Generic;
using System.Linq;

namespace FinSpace.Management
{
    /// <summary>The schema of a tabular dataset.</summary>
    public sealed class DatasetSchema
    {
        public List<DatasetColumn> Columns { get; set; } = new List<DatasetColumn>();

        public StringList PrimaryKeyColumns { get; set; } = new StringList();

        public override string ToString()
        {
            var columns = string.Join(", ", Columns.Select(c => c.ToString()));
            return PrimaryKeyColumns.Count == 0 ? columns : $"{columns} (key: {string.Join(", ", PrimaryKeyColumns)})";
        }
    }
}
