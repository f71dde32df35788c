@{
    RootModule        = 'FinSpace.PowerShell.dll'
    ModuleVersion     = '0.1.0'
    GUID              = '6f0f3a52-2a55-4a43-9f0e-6c1f6a8f7d21'
    Author            = 'FinSpace.PowerShell contributors'
    Description       = 'Cmdlets for the Amazon FinSpace Data API.'
    PowerShellVersion = '5.1'
    CmdletsToExport   = @()
    FunctionsToExport = @()
    AliasesToExport   = @()
    VariablesToExport = @()
}
