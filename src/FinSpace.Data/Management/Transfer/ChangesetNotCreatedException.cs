using System;

namespace FinSpace.Management.Transfer
{
    /// <summary>Every file was uploaded, but CreateChangeset failed: the files stay, and the message says how to retry.</summary>
    public sealed class ChangesetNotCreatedException : Exception
    {
        public ChangesetNotCreatedException(string sourcePath, Exception inner)
            : base($"The files were uploaded to {sourcePath}, but the changeset was not created: {inner.Message} Retry with New-FSChangeset -SourcePath {sourcePath} (the files stay there).", inner)
        {
            SourcePath = sourcePath;
        }

        public string SourcePath { get; }
    }
}
