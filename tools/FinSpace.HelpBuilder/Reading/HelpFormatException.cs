using System;

namespace FinSpace.HelpBuilder.Reading;

/// <summary>A help page does not follow the schema; says where, so the build error points at the line.</summary>
public sealed class HelpFormatException : Exception
{
    public HelpFormatException(string path, int line, string message)
        : base($"{path}({line}): {message}")
    {
        Path = path;
        Line = line;
        Reason = message;
    }

    public string Path { get; }

    /// <summary>1-based.</summary>
    public int Line { get; }

    public string Reason { get; }
}
