namespace FinSpace.PowerShell.Completion
{
    /// <summary>How a completed value is written on the command line.</summary>
    internal static class CompletionText
    {
        private static readonly char[] NeedsQuotes = { ' ', '\'', '"', '$', '`', '(', ')', ';', ',', '{', '}', '@', '#', '&', '|', '<', '>' };

        /// <summary>The value as typed: single-quoted (quotes doubled) when PowerShell would read it otherwise.</summary>
        public static string Quote(string value) =>
            value.Length == 0 || value.IndexOfAny(NeedsQuotes) >= 0 ? "'" + value.Replace("'", "''") + "'" : value;
    }
}
