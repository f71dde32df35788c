using System;
using FinSpace.HelpBuilder;
using FinSpace.HelpBuilder.Reading;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: FinSpace.HelpBuilder <markdown folder> <output folder>");
    Console.Error.WriteLine("  Writes <Assembly>-Help.xml (MAML) for the cmdlet pages and about_*.help.txt for the about topics.");
    return 2;
}

try
{
    foreach (var file in HelpBuild.Run(args[0], args[1]))
    {
        Console.WriteLine(file);
    }

    return 0;
}
catch (HelpFormatException invalid)
{
    // MSBuild's canonical error format, so the build names the file and line.
    Console.Error.WriteLine($"{invalid.Path}({invalid.Line}): error FSHELP1: {invalid.Reason}");
    return 1;
}
