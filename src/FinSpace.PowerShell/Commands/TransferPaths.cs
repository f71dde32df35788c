using System.Collections.Generic;
using System.Management.Automation;
using Microsoft.PowerShell.Commands;

namespace FinSpace.PowerShell.Commands
{
    /// <summary>
    /// PowerShell paths (relative to the current location, PSDrives, wildcards) as file-system paths.
    /// A path that resolves to nothing, or to another provider's items, is a non-terminating error,
    /// and nothing is transferred for that pipeline item: a changeset of some of the files is worse than none.
    /// </summary>
    internal static class TransferPaths
    {
        public static bool TryResolve(PSCmdlet cmdlet, IEnumerable<string> given, bool literal, out List<string> resolved)
        {
            resolved = new List<string>();
            foreach (var path in given)
            {
                try
                {
                    ProviderInfo provider;
                    if (literal)
                    {
                        resolved.Add(cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _));
                    }
                    else
                    {
                        var matches = cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out provider);
                        if (matches.Count == 0)
                        {
                            cmdlet.WriteError(new ErrorRecord(
                                new ItemNotFoundException($"-Path '{path}' matches no file or folder."),
                                "PathNotFound", ErrorCategory.ObjectNotFound, path));
                            return false;
                        }

                        resolved.AddRange(matches);
                    }

                    if (provider.ImplementingType != typeof(FileSystemProvider))
                    {
                        cmdlet.WriteError(new ErrorRecord(
                            new PSArgumentException($"'{path}' is not a file-system path (provider {provider.Name}); only local files can be transferred.", literal ? "LiteralPath" : "Path"),
                            "NotFileSystemPath", ErrorCategory.InvalidArgument, path));
                        return false;
                    }
                }
                catch (ItemNotFoundException missing)
                {
                    cmdlet.WriteError(new ErrorRecord(missing, "PathNotFound", ErrorCategory.ObjectNotFound, path));
                    return false;
                }
                catch (DriveNotFoundException missing)
                {
                    cmdlet.WriteError(new ErrorRecord(missing, "PathNotFound", ErrorCategory.ObjectNotFound, path));
                    return false;
                }
            }

            return true;
        }
    }
}
