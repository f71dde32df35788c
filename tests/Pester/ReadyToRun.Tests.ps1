# The engine's ReadyToRun images (tools/FinSpace.ReadyToRun, laid out by Module.targets): built for the
# runtime and platform of the build machine, used by a fresh pwsh on that runtime and platform, with
# the portable IL copies still beside them for every other host.

Describe 'ReadyToRun images of the engine' {
    BeforeAll {
        Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        $moduleRoot = Split-Path -Parent (Get-FSModuleManifestPath)
        $core = Join-Path $moduleRoot 'dependencies/core'
        # The folder name the load context looks for (EngineLoadContext.ReadyToRunFolderName).
        $os = if ($IsWindows) { 'win' } elseif ($IsMacOS) { 'osx' } elseif ([System.Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier -like '*musl*') { 'linux-musl' } else { 'linux' }
        $architecture = [System.Runtime.InteropServices.RuntimeInformation]::ProcessArchitecture.ToString().ToLowerInvariant()
        $folderName = 'net{0}.0-{1}-{2}' -f [Environment]::Version.Major, $os, $architecture
        $native = Join-Path $core $folderName

        function Test-ReadyToRun([string] $Path) {
            # A ReadyToRun image has a ManagedNativeHeader in its CLI header; IL-only assemblies have none.
            $stream = [System.IO.File]::OpenRead($Path)
            try { return [System.Reflection.PortableExecutable.PEReader]::new($stream).PEHeaders.CorHeader.ManagedNativeHeaderDirectory.Size -gt 0 }
            finally { $stream.Dispose() }
        }
    }

    It 'lays out the engine and AWSSDK.* as ReadyToRun images for this runtime and platform' {
        $native | Should -Exist -Because "the build lays out $folderName for the machine it runs on (unless -p:FinSpaceReadyToRun=false)"
        $expected = @(Get-ChildItem -LiteralPath $core -Filter '*.dll' | ForEach-Object Name)
        $expected | Should -Contain 'FinSpace.Data.dll'
        @(Get-ChildItem -LiteralPath $native -Filter '*.dll' | ForEach-Object Name) | Sort-Object | Should -Be ($expected | Sort-Object)
        foreach ($name in $expected) {
            Test-ReadyToRun (Join-Path $native $name) | Should -BeTrue -Because "$folderName/$name is a ReadyToRun image"
            Test-ReadyToRun (Join-Path $core $name) | Should -BeFalse -Because "dependencies/core/$name stays IL for every other runtime and platform"
        }
        Test-Path -LiteralPath (Join-Path $native 'FinSpace.Objects.dll') | Should -BeFalse -Because 'the output types load in the default context from the module root'
    }

    It 'is what a fresh pwsh loads, and its first call then JIT-compiles less than the IL copies make it' {
        $emulator = Start-FSEmulator -ArgumentList '--step-ms', '0', '--seed-datasets', '1'
        try {
            $script = {
                param($Manifest, $Url, [switch] $IlOnly)
                if ($IlOnly) {
                    # The same module with its ReadyToRun folder hidden: what every other platform gets.
                    $copy = Join-Path ([System.IO.Path]::GetTempPath()) ('fs-r2r-' + [guid]::NewGuid().ToString('N'))
                    Copy-Item -LiteralPath (Split-Path -Parent $Manifest) -Destination $copy -Recurse
                    Get-ChildItem -LiteralPath (Join-Path $copy 'dependencies/core') -Directory | Remove-Item -Recurse -Force
                    $Manifest = Join-Path $copy 'FinSpace.psd1'
                }
                Import-Module $Manifest
                $before = [System.Runtime.JitInfo]::GetCompiledMethodCount($false)
                $dataset = Get-FSDataset -EndpointUrl $Url -Region us-east-1 -AccessKey AKIAFINSPACEEMU00001 -SecretKey finspace-emulator-test-secret-00001 -MaxResults 1 | Select-Object -First 1
                $jit = [System.Runtime.JitInfo]::GetCompiledMethodCount($false) - $before
                $sdk = [AppDomain]::CurrentDomain.GetAssemblies().Where({ $_.GetName().Name -eq 'AWSSDK.Core' })[0].Location
                'FSRESULT ' + (@{ Jit = $jit; Sdk = $sdk; Found = [bool] $dataset.DatasetId } | ConvertTo-Json -Compress)
                if ($IlOnly) { Remove-Module FinSpace; Remove-Item -LiteralPath $copy -Recurse -Force -ErrorAction SilentlyContinue }
            }
            $text = "param(`$Manifest, `$Url, [switch] `$IlOnly)`n& { $script } -Manifest `$Manifest -Url `$Url -IlOnly:`$IlOnly"
            $withImages = Invoke-FSChildPowerShell -ScriptText $text -ArgumentList @('-Manifest', (Get-FSModuleManifestPath), '-Url', $emulator.Url)
            $ilOnly = Invoke-FSChildPowerShell -ScriptText $text -ArgumentList @('-Manifest', (Get-FSModuleManifestPath), '-Url', $emulator.Url, '-IlOnly')
        }
        finally {
            Stop-FSEmulator -Emulator $emulator
        }

        $withImages.Found | Should -BeTrue
        $ilOnly.Found | Should -BeTrue
        $withImages.Sdk | Should -Be (Join-Path $native 'AWSSDK.Core.dll')
        $ilOnly.Sdk | Should -BeLike '*dependencies/core/AWSSDK.Core.dll'
        # Method counts, not times: what the images save is compilation, whatever the machine's load.
        Write-FSFigure "first call JIT-compiled $($withImages.Jit) methods with the images, $($ilOnly.Jit) without"
        $withImages.Jit | Should -BeLessThan ($ilOnly.Jit * 0.85) -Because "images that are ignored would leave the counts about equal"
    }
}
