# The packages administrators install: FinSpace.zip (root folder FinSpace/, the layout Azure
# Automation and Systems Manager import) and the .nupkg made by Publish-PSResource. Both are built
# here from Release by the same command the README gives, then installed or extracted and imported
# in a fresh pwsh each, where a cmdlet runs against the emulator.

Describe 'Packages' {
    BeforeAll {
        Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        $pwsh = Get-FSPowerShellPath
        $repositoriesBefore = @(Get-PSResourceRepository | ForEach-Object Name)

        # The README's package command, once per run (Runbooks.Tests.ps1 uses the same zip).
        $package = Get-FSPackage
        $artifacts = $package.Artifacts
        $version = $package.Version
        $zip = $package.Zip
        $nupkg = $package.Nupkg
        $emulator = Start-FSEmulator
        $credential = Get-FSEmulatorCredential

        # Runs a script in a fresh pwsh with the given HOME (so a CurrentUser install and any
        # repository registration land in a temporary profile) and returns its last output line.
        function Invoke-Fresh([string] $Script, [string] $HomeDirectory) {
            $file = Join-Path $TestDrive ("fresh-{0}.ps1" -f [guid]::NewGuid().ToString('N'))
            Set-Content -LiteralPath $file -Value $Script
            $start = [System.Diagnostics.ProcessStartInfo]::new($pwsh)
            foreach ($argument in '-NoProfile', '-NonInteractive', '-File', $file) { $start.ArgumentList.Add($argument) }
            $start.RedirectStandardOutput = $true
            $start.RedirectStandardError = $true
            $start.Environment['HOME'] = $HomeDirectory
            $null = $start.Environment.Remove('PSModulePath')
            $null = $start.Environment.Remove('XDG_DATA_HOME')
            $null = $start.Environment.Remove('XDG_CONFIG_HOME')
            $process = [System.Diagnostics.Process]::Start($start)
            $errorText = $process.StandardError.ReadToEndAsync()
            $output = $process.StandardOutput.ReadToEnd()
            $process.WaitForExit()
            if ($process.ExitCode -ne 0) {
                throw "The fresh pwsh failed (exit code $($process.ExitCode)):`n$output`n$($errorText.Result)"
            }

            (($output.Trim()) -split "`n")[-1].Trim()
        }

        $useIt = @"
`$dataset = New-FSDataset -Title 'from a package' -EndpointUrl '$($emulator.Url)' -Region us-east-1 -AccessKey '$($credential.AccessKey)' -SecretKey '$($credential.SecretKey)'
`$found = Get-FSDataset -DatasetId `$dataset.DatasetId -EndpointUrl '$($emulator.Url)' -Region us-east-1 -AccessKey '$($credential.AccessKey)' -SecretKey '$($credential.SecretKey)'
`$module = Get-Module FinSpace
'{0}|{1}|{2}' -f `$module.ModuleBase, `$module.Version, `$found.Title
"@
    }

    AfterAll {
        Stop-FSEmulator -Emulator $emulator
    }

    It 'builds FinSpace.zip with the single root folder FinSpace/ and no symbol files' {
        Test-Path -LiteralPath $zip | Should -BeTrue
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $archive = [System.IO.Compression.ZipFile]::OpenRead($zip)
        try {
            $entries = @($archive.Entries | ForEach-Object FullName)
        }
        finally {
            $archive.Dispose()
        }

        @($entries | ForEach-Object { ($_ -split '/')[0] } | Sort-Object -Unique) | Should -Be @('FinSpace')
        $entries | Should -Contain 'FinSpace/FinSpace.psd1'
        $entries | Should -Contain 'FinSpace/FinSpace.PowerShell.dll'
        $entries | Should -Contain 'FinSpace/dependencies/core/AWSSDK.Core.dll'
        $entries | Should -Contain 'FinSpace/dependencies/desktop/AWSSDK.Core.dll'
        @($entries | Where-Object { $_ -like '*.pdb' }) | Should -BeNullOrEmpty
    }

    It 'the extracted zip imports in a fresh pwsh and its cmdlets work' {
        $target = Join-Path $TestDrive 'zip'
        Expand-Archive -LiteralPath $zip -DestinationPath $target
        $result = Invoke-Fresh -HomeDirectory (Join-Path $TestDrive 'home-zip') -Script @"
`$ErrorActionPreference = 'Stop'
Import-Module -Name '$(Join-Path $target 'FinSpace/FinSpace.psd1')'
$useIt
"@
        $base, $loadedVersion, $title = $result -split '\|'
        $base | Should -BeExactly (Join-Path $target 'FinSpace')
        $loadedVersion | Should -BeExactly $version
        $title | Should -BeExactly 'from a package'
    }

    It 'the .nupkg installs with Install-PSResource into a temporary profile and its cmdlets work' {
        Test-Path -LiteralPath $nupkg | Should -BeTrue
        $homeDirectory = Join-Path $TestDrive 'home-nupkg'
        $result = Invoke-Fresh -HomeDirectory $homeDirectory -Script @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name FinSpaceTest -Uri '$artifacts' -Trusted
Install-PSResource -Name FinSpace -Version '$version' -Repository FinSpaceTest -Scope CurrentUser -TrustRepository -Quiet
Unregister-PSResourceRepository -Name FinSpaceTest
Import-Module -Name FinSpace
$useIt
"@
        $base, $loadedVersion, $title = $result -split '\|'
        $base | Should -BeLike (Join-Path $homeDirectory '*')
        $loadedVersion | Should -BeExactly $version
        $title | Should -BeExactly 'from a package'
        @(Get-ChildItem -LiteralPath $base -Recurse -Filter '*.pdb') | Should -BeNullOrEmpty
    }

    It 'packaging leaves no repository registered' {
        @(Get-PSResourceRepository | ForEach-Object Name) | Should -Be $repositoriesBefore
        @(Get-PSResourceRepository | Where-Object Name -like 'FinSpaceBuild-*') | Should -BeNullOrEmpty
    }
}
