namespace FinSpace.Management
{
    /// <summary>One column of a tabular dataset's schema.</summary>
    public sealed class DatasetColumn
    {
        public DatasetColumn()
        {
        }

        public DatasetColumn(string name, string dataType, string? description = null)
        {
            Name = name;
            DataType = dataType;
            Description = description;
        }

        public string Name { get; set; } = string.Empty;

        /// <summary>STRING, CHAR, INTEGER, TINYINT, SMALLINT, BIGINT, FLOAT, DOUBLE, DATE, DATETIME, BOOLEAN or BINARY.</summary>
        public string DataType { get; set; } = string.Empty;

        public string? Description { get; set; }

        public override string ToString() => Name + ":" + DataType;
    }
}
