# Get-Help in the host shows what docs/help says: for every exported cmdlet, -Full carries the page's
# synopsis, description, every parameter with its text and every example, from the built MAML
# (out/FinSpace/en-US); Get-Help about_FinSpace shows the about topic.

BeforeDiscovery {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $cmdletNames = @((Import-PowerShellDataFile -LiteralPath (Get-FSModuleManifestPath)).CmdletsToExport)
}

Describe 'Get-Help' {
    BeforeAll {
        Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        $null = Import-FSModule
        $helpSource = Join-Path (Get-FSRepositoryRoot) 'docs/help'

        function Get-Section([string] $Text, [string] $Name) {
            $match = [regex]::Match($Text, "(?ms)^## $Name\s*\n(.*?)(?=^## |\z)")
            $match.Groups[1].Value.Trim()
        }

        function Get-FirstParagraph([string] $Text) {
            (($Text -split "\r?\n\r?\n")[0] -replace '\s+', ' ').Trim()
        }

        function Get-CommonParameterNames {
            [System.Management.Automation.Internal.CommonParameters].GetProperties().Name +
            [System.Management.Automation.Internal.ShouldProcessParameters].GetProperties().Name
        }
    }

    It '<_> -Full shows the synopsis, description, parameters and examples of its page' -ForEach $cmdletNames {
        $name = $_
        $page = Get-Content -LiteralPath (Join-Path $helpSource "$name.md") -Raw
        $help = Get-Help -Name $name -Full -ErrorAction Stop

        ([string] $help.Synopsis).Trim() | Should -BeExactly (Get-FirstParagraph (Get-Section $page 'SYNOPSIS'))
        $description = (($help.description | ForEach-Object Text) -join ' ') -replace '\s+', ' '
        $description | Should -BeLike ("*" + [WildcardPattern]::Escape((Get-FirstParagraph (Get-Section $page 'DESCRIPTION'))) + "*")

        $common = Get-CommonParameterNames
        $real = @((Get-Command -Name $name).Parameters.Keys | Where-Object { $_ -notin $common } | Sort-Object)
        $documented = @($help.parameters.parameter | ForEach-Object Name | Where-Object { $_ -notin $common } | Sort-Object)
        ($documented -join ',') | Should -BeExactly ($real -join ',')
        foreach ($parameter in $help.parameters.parameter) {
            (($parameter.description | ForEach-Object Text) -join ' ').Trim() | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) of $name needs a description"
        }

        $pageExamples = @([regex]::Matches((Get-Section $page 'EXAMPLES'), '(?ms)^```powershell\s*\n(.*?)^```') | ForEach-Object { $_.Groups[1].Value.Trim() })
        $helpExamples = @($help.examples.example)
        $helpExamples | Should -HaveCount $pageExamples.Count
        for ($i = 0; $i -lt $pageExamples.Count; $i++) {
            ($helpExamples[$i].code -replace '\r', '').Trim() | Should -BeExactly ($pageExamples[$i] -replace '\r', '')
        }

        $text = Get-Help -Name $name -Full | Out-String -Width 200
        $text | Should -Match 'EXAMPLES|Example 1'
        $text | Should -Match 'PARAMETERS'
    }

    It 'about_FinSpace is found and shows the topic, with AWS''s end of support' {
        $about = Get-Help -Name about_FinSpace -ErrorAction Stop | Out-String -Width 200

        $about | Should -Match 'about_FinSpace'
        $about | Should -Match 'SHORT DESCRIPTION'
        $about | Should -Match 'October 7, 2026'
        $about | Should -Match 'November 29, 2024'
        $about | Should -Match 'Connect-FSEnvironment -EndpointUrl'
    }
}
