using System;
using System.Text.RegularExpressions;

namespace FinSpace.PowerShell.Internal
{
    /// <summary>
    /// Refuses hosts the module does not support, at import, with a message that names the ones it
    /// does: PowerShell 7.4+ (.NET 8+) and Windows PowerShell 5.1 on .NET Framework 4.7.2+. PowerShell
    /// 7.0–7.3 run on .NET Core 3.1–.NET 7, whose support has ended and which the engine is not built for.
    /// </summary>
    internal static class RuntimeGate
    {
        public const string Supported = "FinSpace supports PowerShell 7.4 or later (on .NET 8 or later) and Windows PowerShell 5.1 on .NET Framework 4.7.2 or later.";

        // The file version of mscorlib for the first .NET Framework 4.7.2 build is 4.7.3062; 4.7.1 is 4.7.2556–2650.
        private static readonly Version FirstFramework472 = new Version(4, 7, 3062);

        /// <summary>
        /// Null when the runtime is supported, else why not. <paramref name="frameworkDescription"/> is
        /// RuntimeInformation.FrameworkDescription; <paramref name="runtimeVersion"/> is Environment.Version.
        /// </summary>
        public static string? Refusal(string frameworkDescription, Version runtimeVersion)
        {
            if (frameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase))
            {
                var match = Regex.Match(frameworkDescription, @"(\d+\.\d+(\.\d+)?(\.\d+)?)");
                if (match.Success && Version.TryParse(match.Groups[1].Value, out var framework) && framework >= FirstFramework472)
                {
                    return null;
                }

                return $"This is {frameworkDescription}, older than .NET Framework 4.7.2. {Supported}";
            }

            if (frameworkDescription.StartsWith(".NET Native", StringComparison.OrdinalIgnoreCase) || frameworkDescription.StartsWith("Mono", StringComparison.OrdinalIgnoreCase))
            {
                return $"This is {frameworkDescription}. {Supported}";
            }

            // .NET Core 3.1 and .NET 5–7 carry PowerShell 7.0–7.3.
            return runtimeVersion.Major >= 8 ? null : $"This is {frameworkDescription} (PowerShell 7.3 or earlier). {Supported}";
        }
    }
}
