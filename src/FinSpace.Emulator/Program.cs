using System;
using System.Threading.Tasks;
using FinSpace.Emulator.Cli;

// The command line: dotnet run --project src/FinSpace.Emulator -- [options]; see --help.
return await CommandLineHost.RunAsync(args).ConfigureAwait(false);
