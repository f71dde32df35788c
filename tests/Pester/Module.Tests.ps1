# The module as a whole: what it exports, what importing it costs, its help, and the suite's own
# promise to fail fast when nothing is built.

BeforeDiscovery {
    # The cmdlet list drives one test per cmdlet, so it must be known at discovery: read it from the
    # repository's manifest (the built one is compared with it below).
    $cmdletNames = @((Import-PowerShellDataFile -Path (Join-Path $PSScriptRoot '../../FinSpace.psd1')).CmdletsToExport)
}

Describe 'The FinSpace module' {
    BeforeAll {
        Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        $module = Import-FSModule
        $manifestPath = Get-FSModuleManifestPath
        $builtManifest = Import-PowerShellDataFile -Path $manifestPath
        $sourceManifest = Import-PowerShellDataFile -Path (Join-Path (Get-FSRepositoryRoot) 'FinSpace.psd1')
        $helpFile = Join-Path (Split-Path -Path $manifestPath -Parent) 'en-US/FinSpace.PowerShell.dll-Help.xml'

        # Every other test file, to check each cmdlet is exercised somewhere.
        $suiteText = (Get-ChildItem -Path $PSScriptRoot -Filter '*.Tests.ps1' |
                Where-Object { $_.Name -ne 'Module.Tests.ps1' } |
                ForEach-Object { Get-Content -LiteralPath $_.FullName -Raw }) -join [Environment]::NewLine
    }

    Context 'exports' {
        It 'is the module built from this repository''s manifest' {
            $module.Name | Should -BeExactly 'FinSpace'
            $expectedBase = [System.IO.Path]::GetFullPath((Split-Path -Path $manifestPath -Parent)).TrimEnd('/', '\')
            [System.IO.Path]::GetFullPath($module.ModuleBase).TrimEnd('/', '\') | Should -Be $expectedBase
            ($builtManifest.CmdletsToExport -join ',') | Should -BeExactly ($sourceManifest.CmdletsToExport -join ',')
            $builtManifest.ModuleVersion | Should -BeExactly $sourceManifest.ModuleVersion
        }

        It 'exports exactly the 31 cmdlets its manifest lists, and nothing else' {
            $expected = @($builtManifest.CmdletsToExport)
            $expected | Should -HaveCount 31
            $commands = @(Get-Command -Module FinSpace)
            $commands | Should -HaveCount 31
            Test-FSSameSet -Expected $expected -Actual $commands.Name | Should -BeTrue
            @($commands | Where-Object { $_.CommandType -ne 'Cmdlet' }) | Should -HaveCount 0
            $module.ExportedFunctions.Count | Should -Be 0
            $module.ExportedAliases.Count | Should -Be 0
            $module.ExportedVariables.Count | Should -Be 0
        }

        It 'uses approved verbs and the FS noun prefix' {
            $approved = @(Get-Verb | ForEach-Object { $_.Verb })
            foreach ($command in Get-Command -Module FinSpace) {
                $approved | Should -Contain $command.Verb -Because "$($command.Name) should use an approved verb"
                $command.Noun | Should -BeLikeExactly 'FS*'
            }
        }

        It 'is exercised by another test file: <_>' -ForEach $cmdletNames {
            $name = $_
            $pattern = '(?<![\w-])' + [regex]::Escape($name) + '(?![\w-])'
            $suiteText | Should -Match $pattern -Because "every cmdlet must be exercised against the emulator, not only listed"
        }
    }

    Context 'help' {
        It 'ships external help in out/FinSpace/en-US' {
            Test-Path -LiteralPath $helpFile -PathType Leaf | Should -BeTrue -Because "Get-Help reads $helpFile"
        }

        It '<_> has a written synopsis in Get-Help' -ForEach $cmdletNames {
            $name = $_
            $help = Get-Help -Name $name -ErrorAction Stop
            $synopsis = ([string] $help.Synopsis).Trim()
            $synopsis | Should -Not -BeNullOrEmpty
            # Without a help file PowerShell makes the synopsis up from the syntax, which starts with the name.
            $synopsis | Should -Not -Match ('^' + [regex]::Escape($name) + '\s') -Because 'the synopsis must come from the help file, not be generated from the syntax'
        }
    }
}

# Kept apart from the Describe above, whose BeforeAll imports the module: if importing fails, these
# still run and say why.
Describe 'Importing the FinSpace module' {
    BeforeAll {
        Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    }

    Context 'import' {
        It 'imports in a fresh pwsh without loading AWSSDK.Core (the time is reported, not asserted)' {
            $script = @'
param([string] $ManifestPath)
$ErrorActionPreference = 'Stop'
$result = [ordered]@{}
try {
    $elapsed = Measure-Command { Import-Module -Name $ManifestPath }
    $loaded = @([AppDomain]::CurrentDomain.GetAssemblies() | ForEach-Object { $_.GetName().Name })
    $result.ImportMilliseconds = [math]::Round($elapsed.TotalMilliseconds, 1)
    $result.AwsSdkLoaded = $loaded -contains 'AWSSDK.Core'
    $result.CoreLibraryLoaded = $loaded -contains 'FinSpace.Data'
    $result.ExportedCmdletCount = (Get-Module -Name FinSpace).ExportedCmdlets.Count
}
catch {
    $result.Error = $_.ToString()
}
'FSRESULT ' + (ConvertTo-Json -InputObject $result -Compress)
'@
            $result = Invoke-FSChildPowerShell -ScriptText $script -ArgumentList @('-ManifestPath', (Get-FSModuleManifestPath))
            $result.Error | Should -BeNullOrEmpty -Because 'Import-Module must succeed in a new session (the error says what could not be loaded)'
            Write-FSFigure ("Import-Module FinSpace took {0} ms in a fresh pwsh (FinSpace.Data loaded by the import: {1})." -f $result.ImportMilliseconds, $result.CoreLibraryLoaded)
            $result.ExportedCmdletCount | Should -Be 31
            $result.AwsSdkLoaded | Should -BeFalse -Because 'importing registers a resolver and nothing else; AWSSDK.Core loads when a cmdlet first calls the service'
        }
    }

    Context 'suite prerequisites' {
        It 'fails fast with the dotnet build command when the module is not built' {
            Mock -CommandName Test-Path -ModuleName TestHelpers -MockWith { $false } -ParameterFilter { $LiteralPath -like '*FinSpace.psd1' }
            { Get-FSModuleManifestPath } | Should -Throw -ExpectedMessage '*dotnet build FinSpace.PowerShell.sln*'
            Should -Invoke -CommandName Test-Path -ModuleName TestHelpers -Times 1 -Exactly -ParameterFilter { $LiteralPath -like '*FinSpace.psd1' }
        }

        It 'fails fast with the dotnet build command when the emulator is not built' {
            Mock -CommandName Test-Path -ModuleName TestHelpers -MockWith { $false } -ParameterFilter { $LiteralPath -like '*FinSpace.Emulator.dll' }
            { Get-FSEmulatorPath } | Should -Throw -ExpectedMessage '*dotnet build FinSpace.PowerShell.sln*'
            { Start-FSEmulator } | Should -Throw -ExpectedMessage '*dotnet build FinSpace.PowerShell.sln*'
            Should -Invoke -CommandName Test-Path -ModuleName TestHelpers -ParameterFilter { $LiteralPath -like '*FinSpace.Emulator.dll' }
        }
    }
}
