BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $emulator = Start-KlinkyEmulator
    # A different Flurl.Http (3.0.0.0), compiled here with the Roslyn that PowerShell ships (Add-Type would give the
    # assembly a random name): a session that holds it must still import Klinky and call the API.
    $foreignFlurl = Join-Path $TestDrive 'Flurl.Http.dll'
    Add-Type -TypeDefinition 'public static class KlinkyRoslynWarmUp { }'
    $code = '[assembly: System.Reflection.AssemblyVersion("3.0.0.0")] namespace Flurl.Http { public static class ForeignMarker { public static string Name { get { return "foreign Flurl.Http 3.0"; } } } }'
    $tree = [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree]::ParseText($code)
    $references = [Microsoft.CodeAnalysis.MetadataReference[]]@(
        [Microsoft.CodeAnalysis.MetadataReference]::CreateFromFile([object].Assembly.Location)
        [Microsoft.CodeAnalysis.MetadataReference]::CreateFromFile((Join-Path ([System.IO.Path]::GetDirectoryName([object].Assembly.Location)) 'System.Runtime.dll'))
    )
    $options = [Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions]::new([Microsoft.CodeAnalysis.OutputKind]::DynamicallyLinkedLibrary)
    $compilation = [Microsoft.CodeAnalysis.CSharp.CSharpCompilation]::Create('Flurl.Http', [Microsoft.CodeAnalysis.SyntaxTree[]]@($tree), $references, $options)
    $emitted = [Microsoft.CodeAnalysis.FileSystemExtensions]::Emit($compilation, $foreignFlurl)
    if (-not $emitted.Success) { throw ($emitted.Diagnostics -join "`n") }
}

AfterAll { $emulator | Stop-KlinkyEmulator }

Describe 'Dependency isolation on PowerShell 7' {
    It 'imports and calls the API in a session that already loaded another Flurl.Http' {
        $script = @"
`$ErrorActionPreference = 'Stop'
Add-Type -Path '$foreignFlurl'
[Flurl.Http.ForeignMarker]::Name | Out-Null
Import-Module '$(Join-Path (Get-KlinkyTestModulePath) 'Klinky.psd1')'
`$env:KLINKY_API_KEY = '$($emulator.ApiKey)'; `$env:KLINKY_BASE_URL = '$($emulator.BaseUrl)'
New-KlinkyLink -Name 'Isolated' -Slug 'isolated' -Variant 'control:100=https://a.example' | Out-Null
`$link = Get-KlinkyLink -Slug 'isolated'
`$flurl = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'Flurl.Http' } | ForEach-Object {
    '{0}@{1}' -f `$_.GetName().Version, [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_).Name }
"slug=`$(`$link.Slug)"
"flurl=`$((`$flurl | Sort-Object) -join ',')"
"@
        $child = Invoke-ChildPwsh -Command $script
        $output = $child.Output
        $child.ExitCode | Should -Be 0 -Because $output
        $output | Should -Match 'slug=isolated'
        # Both versions live side by side: 3.0 in the default context, 4.x in Klinky's own.
        $output | Should -Match 'flurl=3\.0\.0\.0@Default,4\.\d+\.\d+\.\d+@Klinky'
    }

    It 'detaches its resolver on Remove-Module, and a second Import-Module in the same session works' {
        $script = @"
`$ErrorActionPreference = 'Stop'
`$manifest = '$(Join-Path (Get-KlinkyTestModulePath) 'Klinky.psd1')'
Import-Module `$manifest
`$resolver = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'Klinky.PowerShell.Isolation' } | ForEach-Object { `$_.GetType('Klinky.PowerShell.Isolation.DependencyResolver') }
"imported=`$(`$resolver.GetProperty('IsInstalled').GetValue(`$null))"
Remove-Module Klinky
"removed=`$(`$resolver.GetProperty('IsInstalled').GetValue(`$null))"
Import-Module `$manifest
"reimported=`$(`$resolver.GetProperty('IsInstalled').GetValue(`$null))"
Connect-Klinky -ApiKey (ConvertTo-SecureString '$($emulator.ApiKey)' -AsPlainText -Force) -BaseUrl '$($emulator.BaseUrl)' | Out-Null
New-KlinkyLink -Name 'Reimported' -Slug 'reimported' -Variant 'control:100=https://a.example' | Out-Null
"slug=`$((Get-KlinkyLink -Slug 'reimported').Slug)"
"@
        $child = Invoke-ChildPwsh -Command $script
        $output = $child.Output
        $child.ExitCode | Should -Be 0 -Because $output
        $output | Should -Match 'imported=True'
        $output | Should -Match 'removed=False'
        $output | Should -Match 'reimported=True'
        $output | Should -Match 'slug=reimported'
    }
}
