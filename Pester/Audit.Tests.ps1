#Requires -Version 7.4
<#
    The audit log in the real engine: the commands that turn it on and off, one line per change on
    all four services with nothing secret in the file, lines whole under -ThrottleLimit and
    ForEach-Object -Parallel, and a run killed mid-way that loses no line it had written.
#>

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'EmulatorSupport.psm1') -Force
    Import-Module -Name (Join-Path $PSScriptRoot 'ChildPwsh.psm1') -Force
    $Emulator = Start-TokenAdminEmulator -ArgumentList '--hdc-tokens', '200'
    $Manifest = Get-TokenAdminModuleManifest
    Import-Module -Name $Manifest -Force
    $Scratch = Join-Path ([System.IO.Path]::GetTempPath()) ('TokenAdmin.Audit.' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $Scratch
    $BulkOwner = 777 # the emulator's --hdc-tokens belong to this user

    function Read-AuditLine {
        param([string] $Path)
        @(Get-Content -LiteralPath $Path | ForEach-Object { $_ | ConvertFrom-Json })
    }
}

AfterAll {
    if (Get-Module -Name TokenAdmin) { Set-TokenAdminAuditLog -Disable }
    Remove-TokenAdminTestSession -Emulator $Emulator
    Remove-Item -LiteralPath $Scratch -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Set-TokenAdminAuditLog and Get-TokenAdminAuditLog' {
    AfterEach { Set-TokenAdminAuditLog -Disable }

    It 'turns auditing on for a file (created empty), shows it, and off again' {
        $path = Join-Path $Scratch 'on-off.jsonl'
        Get-TokenAdminAuditLog | Should -BeNullOrEmpty

        $set = Set-TokenAdminAuditLog -Path $path -IncludeWhatIf -PassThru

        $path | Should -Exist
        $set.Path | Should -Be $path
        (Get-TokenAdminAuditLog).IncludeWhatIf | Should -BeTrue
        Set-TokenAdminAuditLog -Disable
        Get-TokenAdminAuditLog | Should -BeNullOrEmpty
    }

    It 'resolves a relative path from the current location' {
        Push-Location -LiteralPath $Scratch
        try { (Set-TokenAdminAuditLog -Path './relative.jsonl' -PassThru).Path | Should -Be (Join-Path $Scratch 'relative.jsonl') }
        finally { Pop-Location }
    }

    It 'refuses a file it cannot write, before any change, and leaves the setting as it was' {
        $kept = Join-Path $Scratch 'kept.jsonl'
        Set-TokenAdminAuditLog -Path $kept

        { Set-TokenAdminAuditLog -Path (Join-Path $Scratch 'no-such-folder/audit.jsonl') -ErrorAction Stop } |
            Should -Throw -ErrorId 'AuditLogNotWritable,TokenAdmin.Audit.SetTokenAdminAuditLogCommand'
        (Get-TokenAdminAuditLog).Path | Should -Be $kept
    }
}

Describe 'What Set-TokenAdminAuditLog accepts as a log' -Skip:$IsWindows {
    AfterEach { Set-TokenAdminAuditLog -Disable }

    It 'refuses <Kind> before any change, without opening it or creating anything' -ForEach @(
        @{ Kind = 'a FIFO'; Make = { param($p) mkfifo $p; $p } }
        @{ Kind = '/dev/full'; Make = { param($p) '/dev/full' } }
        @{ Kind = 'a symbolic link to a log'; Make = { param($p) $t = "$p.target"; $null = New-Item -ItemType File -Path $t; (New-Item -ItemType SymbolicLink -Path $p -Target $t).FullName } }
        @{ Kind = 'a dangling symbolic link'; Make = { param($p) (New-Item -ItemType SymbolicLink -Path $p -Target "$p.missing").FullName } }
        @{ Kind = 'a folder'; Make = { param($p) (New-Item -ItemType Directory -Path $p).FullName } }
    ) {
        $path = & $Make (Join-Path $Scratch ('refused-' + [guid]::NewGuid().ToString('N')))
        # A FIFO opened for writing blocks until a reader comes: run it where a hang cannot stop the suite.
        $job = Start-ThreadJob -ScriptBlock {
            param($manifest, $path)
            Import-Module $manifest
            try { Set-TokenAdminAuditLog -Path $path -ErrorAction Stop; 'accepted' } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
        } -ArgumentList $Manifest, $path
        $said = $job | Wait-Job -Timeout 60 | Receive-Job
        $job | Remove-Job -Force
        $said | Should -Not -BeNullOrEmpty -Because 'Set-TokenAdminAuditLog must not hang'
        $said[0] | Should -Be 'AuditLogNotWritable,TokenAdmin.Audit.SetTokenAdminAuditLogCommand'
        $said[1] | Should -Match 'symbolic link|not a regular file'
        Test-Path -LiteralPath "$path.missing" | Should -BeFalse -Because 'a link''s target is never created'
    }

    It 'creates a new log readable and writable by its owner only' {
        $path = Join-Path $Scratch 'owner-only.jsonl'
        Set-TokenAdminAuditLog -Path $path
        (Get-Item -LiteralPath $path).UnixFileMode | Should -Be ([System.IO.UnixFileMode]'UserRead, UserWrite')
    }
}

Describe 'A log that cannot be written' {
    BeforeEach {
        Reset-TokenAdminEmulator -Emulator $Emulator
        Connect-TokenAdminEmulator -Emulator $Emulator -Service Hdc
        $folder = Join-Path $Scratch ('gone-' + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $folder
        $log = Join-Path $folder 'audit.jsonl'
    }
    AfterEach { Set-TokenAdminAuditLog -Disable }

    It 'makes each change whose line is lost an error naming it, and $? false; the run goes on' {
        Set-TokenAdminAuditLog -Path $log
        Remove-Item -LiteralPath $folder -Recurse -Force
        $tokens = @(Get-AuthToken -UserId 5)

        $removed = $tokens | Remove-AuthToken -PassThru -ThrottleLimit 1 -Confirm:$false -ErrorVariable lost -ErrorAction SilentlyContinue
        $ok = $?

        $ok | Should -BeFalse
        @($removed).Count | Should -Be $tokens.Count
        @(Get-TokenAdminEmulatorHdcToken -Emulator $Emulator | Where-Object userId -EQ 5) | Should -BeNullOrEmpty
        $lost | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'AuditLineNotWritten,*' }
        @($lost.TargetObject) | Should -Be @($tokens.Fingerprint)
        $lost[0].ToString() | Should -Match "has no line for 'Remove auth token $($tokens[0].Fingerprint)' \(done\)"
    }

    It 'with -Strict, stops before the next change, in this command and later ones, until it is set again' {
        Set-TokenAdminAuditLog -Path $log -Strict
        (Get-TokenAdminAuditLog).Strict | Should -BeTrue
        Remove-Item -LiteralPath $folder -Recurse -Force
        $tokens = @(Get-AuthToken -UserId 5) + @(Get-AuthToken -UserId 42)

        { $tokens | Remove-AuthToken -ThrottleLimit 1 -Confirm:$false -ErrorAction SilentlyContinue -WarningVariable notAttempted -WarningAction SilentlyContinue } |
            Should -Throw -ErrorId 'AuditLogStopped,TokenAdmin.Hdc.RemoveAuthTokenCommand'
        $left = @(Get-TokenAdminEmulatorHdcToken -Emulator $Emulator | Where-Object { $_.userId -in 5, 42 })
        $left.Count | Should -Be ($tokens.Count - 1)
        { New-AuthToken -UserId 42 -Context ReadDocuments -Confirm:$false } | Should -Throw -ErrorId 'AuditLogStopped,*'

        Set-TokenAdminAuditLog -Path (Join-Path $Scratch 'strict-again.jsonl') -Strict
        New-AuthToken -UserId 42 -Context ReadDocuments -Confirm:$false | Should -Not -BeNullOrEmpty
    }
}

Describe 'An audited session on all four services' {
    BeforeAll {
        Reset-TokenAdminEmulator -Emulator $Emulator
        $path = Join-Path $Scratch 'four-services.jsonl'
        $hdcValues = @(Get-TokenAdminEmulatorHdcToken -Emulator $Emulator | Where-Object userId -EQ 5 | ForEach-Object token)
        Set-TokenAdminAuditLog -Path $path -IncludeWhatIf
        try {
            Connect-TokenAdminEmulator -Emulator $Emulator
            Get-AuthToken -UserId 42 | Remove-AuthToken -WhatIf
            Get-AuthToken -UserId 5 | Remove-AuthToken -Confirm:$false
            Remove-SecurIdHardwareToken -SerialNumber '000200000001' -Confirm:$false
            $session = New-MfaSessionToken -Confirm:$false
            $session | Remove-MfaSessionToken -Confirm:$false
            $account = Get-TokenAdminEmulatorApstrataAccount -Emulator $Emulator
            Connect-Apstrata -AuthKey $account.AuthKey -BaseUri $account.BaseUri -Credential $account.Credential
            $apstrataToken = New-ApstrataToken -Confirm:$false
            Connect-TokenAdminEmulator -Emulator $Emulator -Service Apstrata # the owner again
            'amy@example.com', 'nobody@example.com' | Remove-ApstrataToken -Confirm:$false
        }
        finally {
            Set-TokenAdminAuditLog -Disable
        }

        $Lines = Read-AuditLine -Path $path
        $Text = Get-Content -LiteralPath $path -Raw
        $TokenValues = $hdcValues + @(
            [System.Net.NetworkCredential]::new('', $session.Token).Password
            [System.Net.NetworkCredential]::new('', $apstrataToken.Token).Password
        )
    }

    It 'has one line per change, in order, with each service''s identity and outcome' {
        $summary = $Lines | ForEach-Object { "$($_.command) $($_.targetType) $($_.outcome)" }
        $summary | Should -Be @(
            'Remove-AuthToken AuthToken would'
            'Remove-AuthToken AuthToken done'
            'Remove-AuthToken AuthToken done'
            'Remove-SecurIdHardwareToken SecurIdHardwareToken done'
            'New-MfaSessionToken MfaSessionToken done'
            'Remove-MfaSessionToken MfaSessionToken done'
            'New-ApstrataToken ApstrataToken done'
            'Remove-ApstrataToken ApstrataUserTokens done'
            'Remove-ApstrataToken ApstrataUserTokens done'
        )
        ($Lines | Where-Object command -EQ 'New-MfaSessionToken').target | Should -Be $session.TokenId
        ($Lines | Where-Object command -EQ 'Remove-MfaSessionToken').target | Should -Be $session.TokenId
        ($Lines | Where-Object command -EQ 'Remove-ApstrataToken').target | Should -Be @('amy@example.com', 'nobody@example.com')
        ($Lines | Where-Object service -EQ 'Apstrata').identity | Should -Be @("$($account.AuthKey) (User amy@example.com)", "$($account.AuthKey) (Owner)", "$($account.AuthKey) (Owner)")
        ($Lines | Where-Object service -EQ 'PowerClerk').identity | Select-Object -Unique | Should -Be 'pc.mfa'
        $Lines | Where-Object outcome -EQ 'done' | ForEach-Object { $_.attempts | Should -BeGreaterOrEqual 1 }
        $Lines | ForEach-Object { $_.version | Should -Be (Get-Module TokenAdmin).Version.ToString(3) }
    }

    It 'holds no secret of the session and no token value' {
        Find-TokenAdminEmulatorSecret -Text $Text -Secret (Get-TokenAdminEmulatorSecret -Emulator $Emulator) | Should -BeNullOrEmpty
        Find-TokenAdminEmulatorSecret -Text $Text -Secret @($TokenValues | ForEach-Object { [pscustomobject]@{ Name = 'a token value'; Value = $_ } }) | Should -BeNullOrEmpty
        $Text | Should -Not -Match 'eyJ' -Because 'no JWT'
        $TokenValues.Count | Should -Be 4
    }
}

Describe 'Lines under concurrency' {
    It 'stays one whole line per removal with -ThrottleLimit 16 in five ForEach-Object -Parallel runspaces' {
        Reset-TokenAdminEmulator -Emulator $Emulator
        Connect-TokenAdminEmulator -Emulator $Emulator -Service Hdc
        $path = Join-Path $Scratch 'parallel.jsonl'
        Set-TokenAdminAuditLog -Path $path
        try {
            $tokens = @(Get-AuthToken -UserId $BulkOwner)
            $groups = 0..4 | ForEach-Object { , @($tokens | Select-Object -Skip ($_ * 40) -First 40) }
            $groups | ForEach-Object -Parallel {
                Import-Module $using:Manifest
                $_ | Remove-AuthToken -Confirm:$false -ThrottleLimit 16
            } -ThrottleLimit 5
        }
        finally {
            Set-TokenAdminAuditLog -Disable
        }

        $raw = @(Get-Content -LiteralPath $path)
        $raw | Should -HaveCount 200
        $lines = @($raw | ForEach-Object { $_ | ConvertFrom-Json -ErrorAction Stop })
        @($lines.target | Sort-Object -Unique) | Should -HaveCount 200
        @($lines | Where-Object outcome -NE 'done') | Should -BeNullOrEmpty
        @($tokens.Fingerprint | Sort-Object) | Should -Be @($lines.target | Sort-Object)
    }
}

Describe 'Lines from two processes' {
    It 'stays one whole line per removal when two pwsh processes audit to the same file at once' {
        Reset-TokenAdminEmulator -Emulator $Emulator
        $path = Join-Path $Scratch 'two-processes.jsonl'
        $script = Join-Path $Scratch 'half.ps1'
        Set-Content -LiteralPath $script -Encoding utf8 -Value @'
param($Manifest, $BaseUri, $User, $Password, $AuditPath, $Owner, $Half)
$ErrorActionPreference = 'Stop'
Import-Module $Manifest
Connect-AuthTokenService -BaseUri $BaseUri -Credential ([pscredential]::new($User, (ConvertTo-SecureString $Password -AsPlainText -Force)))
Set-TokenAdminAuditLog -Path $AuditPath
# Each half by its fingerprint, never by its place in the listing: the other process may already
# have removed some of its own when this one lists, and the halves must not depend on when.
$mine = { ([Convert]::ToInt32($_.Fingerprint.Substring(0, 1), 16) -lt 8) -eq ([int] $Half -eq 0) }
Get-AuthToken -UserId $Owner | Where-Object $mine | Remove-AuthToken -Confirm:$false -ThrottleLimit 16
'@
        $credential = Get-TokenAdminEmulatorHdcCredential -Emulator $Emulator
        $pwsh = Get-PwshCommand
        $children = foreach ($half in 0, 1) {
            $arguments = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $script, $Manifest, $Emulator.Services.Hdc.BaseUri.AbsoluteUri,
                $credential.UserName, $credential.GetNetworkCredential().Password, $path, "$BulkOwner", "$half")
            Start-Process -FilePath $pwsh[0] -ArgumentList ($arguments | ForEach-Object { "`"$_`"" }) -PassThru -NoNewWindow `
                -RedirectStandardOutput (Join-Path $Scratch "half$half.out") -RedirectStandardError (Join-Path $Scratch "half$half.err")
        }
        foreach ($child in $children) {
            $child.WaitForExit(120000) | Should -BeTrue
            $child.ExitCode | Should -Be 0 -Because (Get-Content -Raw -LiteralPath (Join-Path $Scratch "half$([array]::IndexOf($children, $child)).err"))
        }

        $raw = @(Get-Content -LiteralPath $path)
        $raw | Should -HaveCount 200
        $lines = @($raw | ForEach-Object { $_ | ConvertFrom-Json -ErrorAction Stop })
        @($lines.target | Sort-Object -Unique) | Should -HaveCount 200
        @(Get-TokenAdminEmulatorHdcToken -Emulator $Emulator | Where-Object userId -EQ $BulkOwner) | Should -BeNullOrEmpty
    }
}

Describe 'A run killed mid-way' {
    It 'has exactly one whole line for every removal the service answered, and none for those still in flight' {
        Reset-TokenAdminEmulator -Emulator $Emulator
        $answered = 60
        # The first 60 removals go through; the rest hang (never applied) until the process dies.
        Add-TokenAdminEmulatorFault -Emulator $Emulator -Route 'hdc.tokens.delete' -Step (@(1..$answered | ForEach-Object { @{ pass = $true } }) + @(1..20 | ForEach-Object { @{ hang = $true } }))
        $path = Join-Path $Scratch 'killed.jsonl'
        $script = Join-Path $Scratch 'killed.ps1'
        Set-Content -LiteralPath $script -Encoding utf8 -Value @'
param($Manifest, $BaseUri, $User, $Password, $AuditPath, $Owner)
$ErrorActionPreference = 'Stop'
Import-Module $Manifest
Connect-AuthTokenService -BaseUri $BaseUri -Credential ([pscredential]::new($User, (ConvertTo-SecureString $Password -AsPlainText -Force)))
Set-TokenAdminAuditLog -Path $AuditPath
Get-AuthToken -UserId $Owner | Remove-AuthToken -Confirm:$false -ThrottleLimit 4
'@
        $credential = Get-TokenAdminEmulatorHdcCredential -Emulator $Emulator
        $pwsh = Get-PwshCommand # one array: the executable, then its leading arguments
        $arguments = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $script, $Manifest, $Emulator.Services.Hdc.BaseUri.AbsoluteUri,
            $credential.UserName, $credential.GetNetworkCredential().Password, $path, "$BulkOwner")
        $child = Start-Process -FilePath $pwsh[0] -ArgumentList ($arguments | ForEach-Object { "`"$_`"" }) -PassThru -NoNewWindow `
            -RedirectStandardOutput (Join-Path $Scratch 'killed.out') -RedirectStandardError (Join-Path $Scratch 'killed.err')
        try {
            # Wait for the condition (the 60 lines, and the hanging requests having arrived), not for a time.
            $deadline = [datetime]::UtcNow.AddSeconds(60)
            while (-not ((Test-Path -LiteralPath $path) -and @(Get-Content -LiteralPath $path).Count -ge $answered -and
                    @(Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName 'hdc.tokens.delete').Count -ge $answered + 4)) {
                if ($child.HasExited) { throw "The run ended by itself: $(Get-Content -Raw (Join-Path $Scratch 'killed.err'))" }
                if ([datetime]::UtcNow -gt $deadline) { throw 'The run did not reach the hanging removals within 60 s.' }
                Start-Sleep -Milliseconds 100
            }
        }
        finally {
            Stop-Process -Id $child.Id -Force -ErrorAction SilentlyContinue # SIGKILL: no chance to write anything more
            $null = $child.WaitForExit(10000)
        }

        $raw = @(Get-Content -LiteralPath $path)
        $lines = @($raw | ForEach-Object { $_ | ConvertFrom-Json -ErrorAction Stop })
        $lines | Should -HaveCount $answered
        @($lines.target | Sort-Object -Unique) | Should -HaveCount $answered
        @($lines | Where-Object outcome -NE 'done') | Should -BeNullOrEmpty
        $remaining = @(Get-TokenAdminEmulatorHdcToken -Emulator $Emulator | Where-Object userId -EQ $BulkOwner | ForEach-Object { ConvertTo-TokenAdminFingerprint -Token $_.token })
        $remaining | Should -HaveCount (200 - $answered)
        $lines.target | Where-Object { $_ -in $remaining } | Should -BeNullOrEmpty -Because 'every line says done of a token that is gone'
        $journal = @(Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName 'hdc.tokens.delete')
        @($journal | Where-Object statusCode -EQ 204).Count + @($journal | Where-Object statusCode -EQ 200).Count | Should -Be $answered
    }
}
