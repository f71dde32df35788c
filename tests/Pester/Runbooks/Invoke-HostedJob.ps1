<#
    Runs one script the way a runbook host runs a job, as far as this machine can, and prints what the
    job's streams held as one line 'FSRESULT <json>'. Started by Runbooks.Tests.ps1 in a fresh
    `pwsh -NoProfile -NonInteractive` whose environment holds only what the test gave it.

    - FSTEST_AUTOMATION_ASSETS (JSON: Variables, Credentials) makes this an Azure Automation job:
      Get-AutomationVariable and Get-AutomationPSCredential exist before the script runs, as the
      sandbox's Orchestrator.AssetManagement.Cmdlets do (here stand-ins serving those assets; a name the
      account lacks is an error, as there). The variable is removed before the script starts.
    - FSTEST_PROGRESS_PREFERENCE / FSTEST_VERBOSE_PREFERENCE: the preferences the host sets (Azure
      Automation: its "Log verbose records" / "Log progress records" settings). Also removed.
    - -ParametersJson: the job's parameters.
    The last output object is also reported as Payload (what aws:executeScript returns).
#>
param(
    [Parameter(Mandatory)] [string] $ScriptPath,
    [string] $ParametersJson = '{}'
)

$assetsJson = $env:FSTEST_AUTOMATION_ASSETS
$progress = $env:FSTEST_PROGRESS_PREFERENCE
$verbose = $env:FSTEST_VERBOSE_PREFERENCE
foreach ($name in 'FSTEST_AUTOMATION_ASSETS', 'FSTEST_PROGRESS_PREFERENCE', 'FSTEST_VERBOSE_PREFERENCE') {
    Remove-Item -LiteralPath "Env:$name" -ErrorAction SilentlyContinue
}

if ($assetsJson) {
    $null = New-Module -Name Orchestrator.AssetManagement.Cmdlets -ArgumentList $assetsJson -ScriptBlock {
        param([string] $AssetsJson)
        $assets = ConvertFrom-Json -InputObject $AssetsJson

        function Get-AutomationVariable {
            [CmdletBinding()]
            param([Parameter(Mandatory)] [string] $Name)
            $asset = $assets.Variables.PSObject.Properties[$Name]
            if ($null -eq $asset) {
                throw "Variable asset '$Name' not found."
            }

            $asset.Value
        }

        function Get-AutomationPSCredential {
            [CmdletBinding()]
            param([Parameter(Mandatory)] [string] $Name)
            $asset = $assets.Credentials.PSObject.Properties[$Name]
            if ($null -eq $asset) {
                throw "Credential asset '$Name' not found."
            }

            [pscredential]::new($asset.Value.UserName, (ConvertTo-SecureString -String $asset.Value.Password -AsPlainText -Force))
        }

        Export-ModuleMember -Function Get-AutomationVariable, Get-AutomationPSCredential
    } | Import-Module -Global
}

if ($progress) { $ProgressPreference = $progress }
if ($verbose) { $VerbosePreference = $verbose }

$streams = [ordered]@{ Output = @(); Error = @(); Warning = @(); Verbose = @(); Information = @(); Terminating = $null; Payload = $null }
$parameters = ConvertFrom-Json -InputObject $ParametersJson -AsHashtable
try {
    & $ScriptPath @parameters *>&1 | ForEach-Object {
        switch ($_) {
            { $_ -is [System.Management.Automation.ErrorRecord] } { $streams.Error += [ordered]@{ Message = "$_"; ErrorId = $_.FullyQualifiedErrorId }; break }
            { $_ -is [System.Management.Automation.WarningRecord] } { $streams.Warning += $_.Message; break }
            { $_ -is [System.Management.Automation.VerboseRecord] } { $streams.Verbose += $_.Message; break }
            { $_ -is [System.Management.Automation.InformationRecord] } { $streams.Information += "$($_.MessageData)"; break }
            default { $streams.Output += $_ }
        }
    }
}
catch {
    $streams.Terminating = [ordered]@{ Message = "$_"; ErrorId = $_.FullyQualifiedErrorId }
}

if ($streams.Output.Count -gt 0) {
    $streams.Payload = $streams.Output[-1]
}

'FSRESULT ' + (ConvertTo-Json -InputObject $streams -Depth 6 -Compress)
