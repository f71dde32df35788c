using System;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace FinSpace.PowerShell.Binding
{
    /// <summary>ValidatePattern for an optional parameter whose empty value means "not given".</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidatePatternIfGivenAttribute : ValidateIfGivenAttribute
    {
        private readonly Regex _pattern;

        public ValidatePatternIfGivenAttribute(string regexPattern)
        {
            RegexPattern = regexPattern ?? throw new ArgumentNullException(nameof(regexPattern));
            // Case-insensitive, as PowerShell's own ValidatePattern is by default.
            _pattern = new Regex(regexPattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        }

        public string RegexPattern { get; }

        protected override void ValidateText(string text)
        {
            if (!_pattern.IsMatch(text))
            {
                throw new ValidationMetadataException($"'{text}' does not match the pattern {RegexPattern}.");
            }
        }
    }
}
