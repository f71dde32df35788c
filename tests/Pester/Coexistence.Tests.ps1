# The module inside a real administrator's session: another module's AWSSDK.Core loaded before or
# after ours, in a fresh pwsh each time. Both sides must work, and every FinSpace cmdlet must run on
# the module's own pinned AWSSDK.Core build in its private load context, whichever build the other
# module brought: 3.7.x (assembly version 3.3.0.0, AWS.Tools 4.x) or another 4.x build (assembly
# version 4.0.0.0, like ours, as AWS.Tools 5.x ships it). The foreign builds come from NuGet restore
# (tests/FinSpace.Pester.Tests), laid out in out/tools/foreign.

BeforeDiscovery {
    $script:scenarios = @(
        @{ Name = 'AWSSDK.Core 3.7 loaded first, as AWS.Tools 4.x does'; Foreign = '3.7.402'; Order = 'ForeignFirst'; Load = 'AddType' }
        @{ Name = 'a module requiring another AWSSDK.Core 4.x build imported first, as AWS.Tools 5.x does'; Foreign = '4.0.3.3'; Order = 'ForeignFirst'; Load = 'Module' }
        @{ Name = 'that module imported after FinSpace has made calls'; Foreign = '4.0.3.3'; Order = 'FinSpaceFirst'; Load = 'Module' }
        @{ Name = 'AWSSDK.Core 3.7 loaded after FinSpace has made calls'; Foreign = '3.7.402'; Order = 'FinSpaceFirst'; Load = 'AddType' }
    )
}

Describe 'Coexistence with another AWSSDK.Core in one session' {
    BeforeAll {
        Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        # --moto: real storage, so Import-FSChangeset and Save-FSDataView (and AWSSDK.S3) run too.
        $emulator = Start-FSEmulator -ArgumentList '--step-ms', '10', '--moto'
        $s3Endpoint = Get-FSEmulatorS3Endpoint -Emulator $emulator
        $credential = Get-FSEmulatorCredential
        $manifest = Get-FSModuleManifestPath
        $moduleRoot = Split-Path -Path $manifest -Parent
        $exercise = Join-Path $PSScriptRoot 'Coexistence/Use-EveryCmdlet.ps1'
        $pwsh = Get-FSPowerShellPath

        function New-StandInModule([string] $Version) {
            # What AWS.Tools.Common does: RequiredAssemblies = AWSSDK.Core.dll, then code using it.
            $folder = Join-Path $TestDrive "StandIn-$Version/AWS.Tools.StandIn"
            $null = New-Item -ItemType Directory -Force -Path $folder
            Copy-Item -LiteralPath (Get-FSForeignSdkPath -Version $Version) -Destination $folder
            Set-Content -LiteralPath (Join-Path $folder 'AWS.Tools.StandIn.psm1') -Value @'
function Get-StandInKey {
    [Amazon.Runtime.BasicAWSCredentials]::new('AKIDSTANDIN00000001', 'stand-in-secret').GetCredentials().AccessKey
}
'@
            New-ModuleManifest -Path (Join-Path $folder 'AWS.Tools.StandIn.psd1') -RootModule 'AWS.Tools.StandIn.psm1' `
                -RequiredAssemblies 'AWSSDK.Core.dll' -FunctionsToExport 'Get-StandInKey' -ModuleVersion '1.0.0'
            Join-Path $folder 'AWS.Tools.StandIn.psd1'
        }

        function Invoke-Scenario([hashtable] $Scenario) {
            $foreign = if ($Scenario.Load -eq 'Module') {
                "Import-Module -Name '$(New-StandInModule -Version $Scenario.Foreign)' -ErrorAction Stop; `$foreignKey = Get-StandInKey"
            }
            else {
                "Add-Type -Path '$(Get-FSForeignSdkPath -Version $Scenario.Foreign)'; `$foreignKey = [Amazon.Runtime.BasicAWSCredentials]::new('AKIDSTANDIN00000001', 's').GetCredentials().AccessKey"
            }

            $finspace = @"
Import-Module -Name '$manifest' -ErrorAction Stop
`$ran = & '$exercise' -EndpointUrl '$($emulator.Url)' -AccessKey '$($credential.AccessKey)' -SecretKey '$($credential.SecretKey)' -S3EndpointUrl '$s3Endpoint'
"@
            $script = @"
`$ErrorActionPreference = 'Stop'
$(if ($Scenario.Order -eq 'ForeignFirst') { "$foreign`n$finspace" } else { "$finspace`n$foreign" })
# Both sides again, after both have loaded: our cmdlets, completion, and the foreign SDK.
`$dataset = New-FSDataset -Title 'after both' -EndpointUrl '$($emulator.Url)' -Region us-east-1 -AccessKey '$($credential.AccessKey)' -SecretKey '$($credential.SecretKey)'
Connect-FSEnvironment -EndpointUrl '$($emulator.Url)' -Region us-east-1 -AccessKey '$($credential.AccessKey)' -SecretKey '$($credential.SecretKey)'
`$environment = Get-FSEnvironment
`$completed = @((TabExpansion2 -inputScript 'Get-FSDataset -DatasetId ' -cursorColumn 25).CompletionMatches.CompletionText)
`$foreignAgain = [Amazon.Runtime.BasicAWSCredentials]::new('AKIDSTANDIN00000002', 's').GetCredentials().AccessKey
`$sdks = foreach (`$context in [System.Runtime.Loader.AssemblyLoadContext]::All) {
    foreach (`$assembly in `$context.Assemblies | Where-Object { `$_.GetName().Name -eq 'AWSSDK.Core' }) {
        [ordered]@{ Context = `$context.Name; Version = `$assembly.GetName().Version.ToString(); FileVersion = [System.Diagnostics.FileVersionInfo]::GetVersionInfo(`$assembly.Location).FileVersion; Location = `$assembly.Location }
    }
}
'RESULT:' + ([ordered]@{
    Ran = @(`$ran); Exported = @((Get-Command -Module FinSpace).Name); ForeignKey = `$foreignKey; ForeignAgain = `$foreignAgain
    DatasetId = `$dataset.DatasetId; Completed = `$completed; Sdks = @(`$sdks)
    Environment = [ordered]@{ SdkVersion = `$environment.SdkVersion; SdkLocation = `$environment.SdkLocation; SdkLoadContext = `$environment.SdkLoadContext }
} | ConvertTo-Json -Depth 4 -Compress)
"@
            $file = Join-Path $TestDrive ("scenario-{0}.ps1" -f [guid]::NewGuid().ToString('N'))
            Set-Content -LiteralPath $file -Value $script
            $output = & $pwsh -NoProfile -NonInteractive -File $file 2>&1 | Out-String
            $line = ($output -split "`n") | Where-Object { $_.StartsWith('RESULT:') } | Select-Object -Last 1
            if (-not $line) {
                throw "The scenario failed in its fresh pwsh (exit code $LASTEXITCODE):`n$output"
            }

            $line.Substring('RESULT:'.Length) | ConvertFrom-Json
        }
    }

    AfterAll {
        Stop-FSEmulator -Emulator $emulator
    }

    It '<Name>: both work, and FinSpace runs on its own AWSSDK.Core 4.0.102.18' -ForEach $scenarios {
        $result = Invoke-Scenario -Scenario $_

        # Every exported cmdlet ran (Use-EveryCmdlet.ps1 stops at the first failure).
        @($result.Ran | Sort-Object -Unique) | Should -Be @($result.Exported | Sort-Object -Unique)
        $result.Completed | Should -Contain $result.DatasetId

        # The foreign SDK works before and after ours is loaded.
        $result.ForeignKey | Should -BeExactly 'AKIDSTANDIN00000001'
        $result.ForeignAgain | Should -BeExactly 'AKIDSTANDIN00000002'

        $ours = @($result.Sdks | Where-Object Context -eq 'FinSpace.Engine')
        $ours | Should -HaveCount 1
        $ours[0].FileVersion | Should -Match '^4\.0\.102\.18'
        $ours[0].Location | Should -BeLike (Join-Path $moduleRoot 'dependencies/core/*')

        # Get-FSEnvironment says the same about the build the module itself uses.
        $result.Environment.SdkLoadContext | Should -BeExactly 'FinSpace.Engine'
        $result.Environment.SdkVersion | Should -Match '^4\.0\.102\.18'
        $result.Environment.SdkLocation | Should -BeExactly $ours[0].Location

        $theirs = @($result.Sdks | Where-Object Context -ne 'FinSpace.Engine')
        $theirs | Should -HaveCount 1
        $theirs[0].Context | Should -BeExactly 'Default'
        $theirs[0].FileVersion | Should -Match ('^' + [regex]::Escape($_.Foreign))
    }
}
