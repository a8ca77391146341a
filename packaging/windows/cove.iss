; Inno Setup script for Cove on Windows (https://jrsoftware.org/isinfo.php).
; Build the bundle first (python packaging\build.py), then, from the repository root:
;   iscc /DAppVersion=0.1.0 packaging\windows\cove.iss
; build.py runs this itself when iscc is on PATH. Output: dist\Cove-<version>-setup.exe

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef DistDir
  #define DistDir "..\..\dist"
#endif
#define AppName "Cove"
#define AppExeName "cove.exe"
#define AppCliExeName "cove-cli.exe"

[Setup]
AppId={{5C0E9A4B-7D1F-4C3B-9E0A-C0E0A0C0FE01}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Cove developers
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-user install by default (no admin rights needed); the dialog offers all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#DistDir}
OutputBaseFilename=Cove-{#AppVersion}-setup
SetupIconFile=..\..\build\icons\cove.ico
UninstallDisplayIcon={app}\{#AppExeName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller folder: cove.exe (window), cove-cli.exe (console), _internal\.
Source: "{#DistDir}\cove\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; User data (%LOCALAPPDATA%\Cove) is left alone on uninstall.
