using System;
using System.Collections.Generic;
using System.Linq;

namespace FinSpace.Management
{
    /// <summary>
    /// A string-to-string map (source, format and export options). Reads as <c>key=value; …</c> in
    /// tables and Export-Csv, and as an object in ConvertTo-Json.
    /// </summary>
    public sealed class StringMap : Dictionary<string, string>
    {
        public StringMap()
            : base(StringComparer.Ordinal)
        {
        }

        public StringMap(IDictionary<string, string> values)
            : base(values, StringComparer.Ordinal)
        {
        }

        public override string ToString() => string.Join("; ", this.Select(pair => pair.Key + "=" + pair.Value));
    }
}
