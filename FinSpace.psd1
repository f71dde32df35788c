@{
    # The cmdlet assembly at the module root, with the output types beside it (both in PowerShell's
    # default load context). The engine and AWSSDK.* load from dependencies/ only when a cmdlet first
    # needs them: in a private AssemblyLoadContext on PowerShell 7.4+, through a resolver scoped to
    # this module's own requests on Windows PowerShell 5.1. Import runs nothing else.
    RootModule           = 'FinSpace.PowerShell.dll'
    RequiredAssemblies   = @('FinSpace.Objects.dll')
    ModuleVersion        = '0.2.0'
    GUID                 = '6f0f3a52-2a55-4a43-9f0e-6c1f6a8f7d21'
    Author               = 'FinSpace.PowerShell contributors'
    CompanyName          = 'FinSpace.PowerShell contributors'
    Copyright            = '(c) FinSpace.PowerShell contributors. MIT License.'
    Description          = 'Pipeline-native cmdlets for the Amazon FinSpace Data API (2020-07-13): datasets, changesets, dataviews, permission groups, users, programmatic credentials and the working location, with a local emulator for trying every script offline. Lists stream every page, every change supports -WhatIf/-Confirm, changesets and dataviews have waiters. Note: AWS discontinued the FinSpace Dataset Browser (the environments this API serves) on 29 November 2024 and ended support for Amazon FinSpace on 7 October 2026 (AWS FinSpace User Guide and Data API Reference); against AWS this module works only where an environment still answers, and otherwise against the bundled emulator.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Core', 'Desktop')
    # netstandard2.0 on Windows PowerShell needs .NET Framework 4.7.2 or later.
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('FinSpace.Format.ps1xml')
    # No HelpInfoURI: the help ships inside the module (en-US) and no HelpInfo.xml is published, so
    # Update-Help has nothing to fetch. No ProjectUri/LicenseUri either: the project has no public
    # home yet; the licence (MIT) is the LICENSE file in the module folder.
    CmdletsToExport      = @(
        'Add-FSUserToPermissionGroup',
        'Connect-FSEnvironment',
        'Disable-FSUser',
        'Disconnect-FSEnvironment',
        'Enable-FSUser',
        'Get-FSChangeset',
        'Get-FSDataView',
        'Get-FSDataset',
        'Get-FSEnvironment',
        'Get-FSExternalDataViewAccessDetail',
        'Get-FSPermissionGroup',
        'Get-FSProgrammaticAccessCredential',
        'Get-FSUser',
        'Get-FSWorkingLocation',
        'Import-FSChangeset',
        'New-FSChangeset',
        'New-FSDataView',
        'New-FSDataset',
        'New-FSPermissionGroup',
        'New-FSUser',
        'Remove-FSDataset',
        'Remove-FSPermissionGroup',
        'Remove-FSUserFromPermissionGroup',
        'Reset-FSUserPassword',
        'Save-FSDataView',
        'Set-FSChangeset',
        'Set-FSDataset',
        'Set-FSPermissionGroup',
        'Set-FSUser',
        'Wait-FSChangeset',
        'Wait-FSDataView'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('AWS', 'FinSpace', 'FinSpaceData', 'Finance', 'Data', 'Cloud', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ReleaseNotes = 'First release: every FinSpace Data API operation (2020-07-13) as 28 cmdlets, plus Import-FSChangeset and Save-FSDataView to load local files and export dataviews in one command, Get-FSEnvironment to see the session connection, streaming lists, -WhatIf/-Confirm, Wait-FSChangeset and Wait-FSDataView, mapped error categories, SecureString secrets, tab completion of ids, and a local emulator.'
        }
    }
}
