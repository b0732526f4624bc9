@echo off
rem The staffing command on Windows: publishes the CLI once into .build\staffing (again when a source is newer
rem than that build), then runs the published program directly.
setlocal
set "root=%~dp0"
set "out=%root%.build\staffing"
set "program=%out%\staffing.exe"
set "stale=1"
if exist "%program%" (
  powershell -NoProfile -Command "$t=(Get-Item -LiteralPath '%program%').LastWriteTime; $n=Get-ChildItem -LiteralPath '%root%src','%root%Directory.Build.props','%root%Directory.Packages.props' -Recurse -File -Include *.cs,*.csproj,*.resx,*.json,*.razor,*.js,*.html,*.css,*.props | Where-Object { $_.FullName -notmatch '\\(obj|bin)\\' -and $_.LastWriteTime -gt $t } | Select-Object -First 1; if ($n) { exit 1 } else { exit 0 }"
  if not errorlevel 1 set "stale=0"
)
if "%stale%"=="1" (
  echo staffing: building the command once ^(and again when the sources change^)... 1>&2
  dotnet publish "%root%src\Staffing.Cli" -c Release -o "%out%" -nologo -v quiet 1>&2 || exit /b 1
  copy /b "%program%"+,, "%program%" >nul
)
"%program%" %*
exit /b %errorlevel%
