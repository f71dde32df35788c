<#
.SYNOPSIS
    Makes FinSpace.<version>.nupkg from a laid-out module folder with Publish-PSResource.

.DESCRIPTION
    Publishes into a local folder repository registered under a unique name for this run only and
    unregistered afterwards, whatever happens, so no repository is left behind in the user's
    PSResourceGet settings. Called by the Package target of src/FinSpace.PowerShell (Module.targets)
    with the pinned pwsh; build.ps1 -Task Package runs that target.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModuleDirectory,
    [Parameter(Mandatory)] [string] $OutputDirectory
)

$ErrorActionPreference = 'Stop'
$module = (Resolve-Path -LiteralPath $ModuleDirectory).Path
$null = New-Item -ItemType Directory -Force -Path $OutputDirectory
$output = (Resolve-Path -LiteralPath $OutputDirectory).Path
$version = (Import-PowerShellDataFile -LiteralPath (Join-Path $module 'FinSpace.psd1')).ModuleVersion
Remove-Item -LiteralPath (Join-Path $output "FinSpace.$version.nupkg") -ErrorAction SilentlyContinue

$repository = 'FinSpaceBuild-' + [guid]::NewGuid().ToString('N')
Register-PSResourceRepository -Name $repository -Uri $output -Trusted
try {
    Publish-PSResource -Path $module -Repository $repository
}
finally {
    Unregister-PSResourceRepository -Name $repository
}

$package = Join-Path $output "FinSpace.$version.nupkg"
if (-not (Test-Path -LiteralPath $package)) {
    throw "Publish-PSResource reported success but wrote no $package."
}

Write-Host "FinSpace package: $package"
