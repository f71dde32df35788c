@{
    # The cmdlet assembly at the module root, with the output types beside it (both in PowerShell's
    # default load context). The engine and AWSSDK.* load from dependencies/ only when a cmdlet first
    # needs them: in a private AssemblyLoadContext on PowerShell 7.4+, through a resolver scoped to
    # this module's own requests on Windows PowerShell 5.1. Import runs nothing else.
    RootModule           = 'FinSpace.PowerShell.dll'
    RequiredAssemblies   = @('FinSpace.Objects.dll')
    ModuleVersion        = '0.1.0'
    GUID                 = '6f0f3a52-2a55-4a43-9f0e-6c1f6a8f7d21'
    Author               = 'FinSpace.PowerShell contributors'
    CompanyName          = 'FinSpace.PowerShell contributors'
    Copyright            = '(c) FinSpace.PowerShell contributors. MIT License.'
    Description          = 'Pipeline-native cmdlets for the Amazon FinSpace Data API: datasets, changesets, dataviews, permission groups, users, programmatic credentials and the working location. Lists stream every page, every change supports -WhatIf/-Confirm, waiters for changesets and dataviews, and a local emulator for trying scripts offline.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Core', 'Desktop')
    # netstandard2.0 on Windows PowerShell needs .NET Framework 4.7.2 or later.
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('FinSpace.Format.ps1xml')
    CmdletsToExport      = @(
        'Add-FSUserToPermissionGroup',
        'Connect-FSEnvironment',
        'Disable-FSUser',
        'Disconnect-FSEnvironment',
        'Enable-FSUser',
        'Get-FSChangeset',
        'Get-FSDataView',
        'Get-FSDataset',
        'Get-FSExternalDataViewAccessDetail',
        'Get-FSPermissionGroup',
        'Get-FSProgrammaticAccessCredential',
        'Get-FSUser',
        'Get-FSWorkingLocation',
        'New-FSChangeset',
        'New-FSDataView',
        'New-FSDataset',
        'New-FSPermissionGroup',
        'New-FSUser',
        'Remove-FSDataset',
        'Remove-FSPermissionGroup',
        'Remove-FSUserFromPermissionGroup',
        'Reset-FSUserPassword',
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
    HelpInfoURI          = 'https://github.com/finspace-powershell/FinSpace.PowerShell/tree/main/docs/help'
    PrivateData          = @{
        PSData = @{
            Tags         = @('AWS', 'FinSpace', 'FinSpaceData', 'Finance', 'Data', 'Cloud', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/finspace-powershell/FinSpace.PowerShell'
            LicenseUri   = 'https://github.com/finspace-powershell/FinSpace.PowerShell/blob/main/LICENSE'
            ReleaseNotes = 'First release: every FinSpace Data API operation (2020-07-13) as 28 cmdlets, streaming lists, -WhatIf/-Confirm, Wait-FSChangeset and Wait-FSDataView, mapped error categories, SecureString secrets, tab completion of ids, and a local emulator.'
        }
    }
}
