using System.Collections.Generic;

namespace FinSpace.Management
{
    /// <summary>
    /// A list of names (permissions, columns) that reads as <c>a, b, c</c> in tables and Export-Csv,
    /// where a plain List would print its .NET type name, and stays an array in ConvertTo-Json.
    /// </summary>
    public sealed class StringList : List<string>
    {
        public StringList()
        {
        }

        public StringList(IEnumerable<string> items)
            : base(items)
        {
        }

        public override string ToString() => string.Join(", ", this);
    }
}
